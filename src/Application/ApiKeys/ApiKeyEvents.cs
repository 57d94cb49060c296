using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys;

public sealed record ApiKeyCreated(Guid KeyId, string Name, string Role, Guid? AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApiKeyRevoked(Guid KeyId, DateTimeOffset OccurredAt) : IDomainEvent;
