using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Application.Abstractions;

/// <summary>Who is calling: the API key (its id, name and role) and, for assessor keys, the assessor it belongs to.</summary>
public interface ICurrentActor
{
    /// <summary>The key's id; <c>bootstrap</c> for the configured admin key, <c>anonymous</c> without a key.</summary>
    string KeyId { get; }

    string Name { get; }

    string Role { get; }

    AssessorId? AssessorId { get; }
}
