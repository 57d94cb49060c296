using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Abstractions;

/// <summary>Errors the persistence ports share.</summary>
public static class PersistenceErrors
{
    public static Error ConcurrencyConflict(string what) =>
        Error.Conflict("concurrency.conflict", $"The {what} was changed by someone else; reload it and try again.");
}
