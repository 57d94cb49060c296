using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Webhooks;

/// <summary>
/// Delivery settings: the retry schedule (<c>Webhooks:RetryDelays</c>), the time a receiver has to answer, whether
/// URLs must be https (Production) and whether private targets are allowed (<c>Webhooks:AllowPrivateTargets</c>).
/// </summary>
public sealed record WebhookOptions(RetrySchedule Retries, TimeSpan Timeout, bool RequireHttps, bool AllowPrivateTargets)
{
    public const int MaxWatchedCertificates = 10_000;
    public const int MaxUrlLength = 2_000;
    public const int MaxDescriptionLength = 500;
}
