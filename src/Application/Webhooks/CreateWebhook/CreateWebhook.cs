using System.Security.Cryptography;
using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Webhooks.CreateWebhook;

/// <summary>An admin or a consumer subscribes a URL to event types, optionally for a watch-list of certificates; the secret is shown once.</summary>
public sealed record CreateWebhook(string? Url, IReadOnlyList<string>? EventTypes, IReadOnlyList<string>? CertificateNumbers, string? Description)
    : ICommand<Result<CreatedWebhookDto>>
{
    /// <summary>The request, checked field by field (every error at once).</summary>
    public Result<(Uri Url, IReadOnlyList<string> EventTypes, IReadOnlySet<string> CertificateNumbers, string? Description)> Parse(WebhookOptions options)
    {
        var errors = new ErrorCollector();
        var url = errors.Take(ParseUrl(Url, options), "url");
        if (EventTypes is not { Count: > 0 })
        {
            errors.Add(Error.Validation("webhook.event-types-invalid", "eventTypes names at least one event type."), "eventTypes");
        }
        else if (EventTypes.FirstOrDefault(t => !EventCatalog.PublishedTypes.Contains(t)) is { } unknown)
        {
            errors.Add(Error.Validation("webhook.event-types-invalid", $"'{unknown}' is not a published event type; they are {string.Join(", ", EventCatalog.PublishedTypes)}."), "eventTypes");
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        if (CertificateNumbers is { Count: > WebhookOptions.MaxWatchedCertificates })
        {
            errors.Add(Error.Validation("webhook.certificate-numbers-invalid", $"A subscription watches at most {WebhookOptions.MaxWatchedCertificates:N0} certificates."), "certificateNumbers");
        }
        else
        {
            foreach (var text in CertificateNumbers ?? [])
            {
                if (CertificateNumber.Parse(text) is not { IsSuccess: true } number)
                {
                    errors.Add(Error.Validation("webhook.certificate-numbers-invalid", $"'{text}' is not a certificate number."), "certificateNumbers");
                    break;
                }

                numbers.Add(number.Value.Value);
            }
        }

        if (Description is { Length: > WebhookOptions.MaxDescriptionLength })
        {
            errors.Add(Error.Validation("webhook.description-invalid", $"description is at most {WebhookOptions.MaxDescriptionLength} characters."), "description");
        }

        return errors.HasErrors
            ? errors.ToError()
            : (url!, EventTypes!.Distinct(StringComparer.Ordinal).ToList(), numbers, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
    }

    /// <summary>An absolute http(s) URL without credentials; https unless the host allows plain http.</summary>
    private static Result<Uri> ParseUrl(string? text, WebhookOptions options)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > WebhookOptions.MaxUrlLength || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            return WebhookErrors.UrlInvalid("url is an absolute https URL.");
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return WebhookErrors.UrlInvalid($"Deliveries are made over https; '{url.Scheme}:' URLs are refused.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && options.RequireHttps && !options.AllowPrivateTargets)
        {
            return WebhookErrors.UrlInvalid("Deliveries are made over https only.");
        }

        return url.UserInfo.Length > 0 ? WebhookErrors.UrlInvalid("url carries no user name or password; authenticate the delivery by its signature.") : url;
    }
}

public sealed class CreateWebhookHandler(IWebhookStore store, IWebhookTargets targets, ICurrentActor actor, ChangeTracker tracker, WebhookOptions options, TimeProvider clock)
    : ICommandHandler<CreateWebhook, Result<CreatedWebhookDto>>
{
    public async ValueTask<Result<CreatedWebhookDto>> Handle(CreateWebhook m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse(options);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (url, eventTypes, numbers, description) = parsed.Value;
        if (await targets.CheckAsync(url, cancellationToken) is { } refused)
        {
            return refused;
        }

        var subscription = WebhookSubscription.Create(Guid.CreateVersion7(), actor.KeyId, url, eventTypes, numbers, description, clock.GetUtcNow(),
            await store.LastEventIdAsync(cancellationToken));
        var secret = NewSecret();
        await store.AddAsync(subscription, secret, cancellationToken);
        tracker.Track(subscription);
        var dto = WebhookDto.From(subscription);
        return new CreatedWebhookDto(dto.Id, dto.Url, dto.EventTypes, dto.CertificateNumbers, dto.Description, dto.Status, dto.CreatedAt, secret);
    }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
