using Mediator;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes an API key; it stops working at once.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand<Result>;

public sealed class RevokeApiKeyHandler(IApiKeyStore keys, ChangeTracker tracker, TimeProvider clock) : ICommandHandler<RevokeApiKey, Result>
{
    public async ValueTask<Result> Handle(RevokeApiKey m, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await keys.RevokeAsync(m.Id, now, cancellationToken))
        {
            return Error.NotFound("api-key.not-found", "There is no active API key with that id.");
        }

        tracker.Note(new ApiKeyRevoked(m.Id, now));
        return Result.Success();
    }
}
