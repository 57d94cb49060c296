using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Deletes expired idempotency records every hour; safe on several nodes at once (a plain delete by age).</summary>
public sealed partial class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeAsync(clock.GetUtcNow(), stoppingToken);
                LogPurged(purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency records.")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency records failed; the next run tries again.")]
    private partial void LogFailed(Exception exception);
}
