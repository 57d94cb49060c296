using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Webhooks;
using Peksos.Clean.Infrastructure.Persistence.Reports;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Every hour, deletes expired idempotency records and webhook delivery-log entries older than
/// <see cref="DeliveryLogRetention"/>, and folds the report's counts; safe on several nodes at once.
/// </summary>
public sealed partial class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Housekeeping> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>How long a delivery try stays in <c>GET /webhooks/{id}/deliveries</c>.</summary>
    public static readonly TimeSpan DeliveryLogRetention = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow();
                var idempotency = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeAsync(now, stoppingToken);
                var deliveries = await scope.ServiceProvider.GetRequiredService<IWebhookStore>().PurgeDeliveriesAsync(now - DeliveryLogRetention, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ReportCounts>().CompactAsync(stoppingToken);
                LogPurged(idempotency, deliveries);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Idempotency} expired idempotency records and {Deliveries} old webhook delivery-log entries.")]
    private partial void LogPurged(int idempotency, int deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed; the next run tries again.")]
    private partial void LogFailed(Exception exception);
}
