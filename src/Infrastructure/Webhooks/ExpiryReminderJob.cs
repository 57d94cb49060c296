using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Certificates.RaiseExpiryReminders;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Infrastructure.Webhooks;

/// <summary>How often the expiry reminders are looked for (<c>Certificates:ExpiryReminderInterval</c>, default one hour).</summary>
public sealed record ExpiryReminderOptions(TimeSpan Interval);

/// <summary>
/// Raises <c>certificate.expiring</c> on the node holding the <c>expiry-reminders</c> lease. It runs every interval
/// (hourly by default) rather than once at midnight, so a node that was down catches up; each reminder is raised once.
/// </summary>
public sealed partial class ExpiryReminderJob(IServiceScopeFactory scopes, Lease lease, ExpiryReminderOptions options, ILogger<ExpiryReminderJob> logger)
    : BackgroundService
{
    public const string LeaseName = "expiry-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!await lease.TryHoldAsync(LeaseName, options.Interval + TimeSpan.FromMinutes(1), stoppingToken))
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ISystemActor>().ActAsSystem("Pengingat masa berlaku");
                var raised = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RaiseExpiryReminders(), stoppingToken);
                LogRaised(raised.IsSuccess ? raised.Value : 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Raised {Count} certificate expiry reminders.")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising certificate expiry reminders failed; the next run tries again.")]
    private partial void LogFailed(Exception exception);
}
