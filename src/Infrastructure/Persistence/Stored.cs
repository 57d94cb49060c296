using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Stored values were validated on the way in; one that fails now means the data was changed behind the system's back.</summary>
public static class Stored
{
    public static T Value<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Stored data fails validation: {result.Error!.Code}.");
}
