using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks;

public static class WebhookErrors
{
    public static readonly Error NotFound = Error.NotFound("webhook.not-found", "There is no webhook subscription with that id that this key may see.");

    /// <summary>A delivery outcome for a position the subscription has left (another try already recorded it).</summary>
    public static readonly Error Moved = Error.Conflict("webhook.moved", "The subscription's delivery position has moved on.");

    public static Error UrlInvalid(string message) => Error.Validation("webhook.url-invalid", message, "url");
}
