using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Application.Abstractions;

/// <summary>Who is calling: the API key's name and role (and the assessor it belongs to, for assessor keys).</summary>
public interface ICurrentActor
{
    string Name { get; }

    string Role { get; }

    AssessorId? AssessorId { get; }
}
