using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Webhooks.RecordDeliveryAttempts;
using Peksos.Clean.Domain.Webhooks;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.Events;
using Peksos.Clean.Infrastructure.Persistence.Webhooks;

namespace Peksos.Clean.Infrastructure.Webhooks;

/// <summary>How often the worker looks for due deliveries when no local commit wakes it (<c>Webhooks:PollInterval</c>).</summary>
public sealed record WebhookWorkerOptions(TimeSpan PollInterval);

/// <summary>
/// The delivery worker: on the node holding the <c>webhook-delivery</c> lease, each due subscription drains its events
/// in order on a task of its own, so a slow or dead receiver delays no other subscription and no request. The position
/// and failures are stored after every try, so a restart loses nothing (docs/decisions.md, "Webhooks").
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    Lease lease,
    IServiceProvider services,
    OutboxSignal signal,
    WebhookWorkerOptions options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "webhook-delivery";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    private const int BatchSize = 50;
    private const int MaxPerDrain = 100;

    /// <summary>How long one run of deliveries goes on before it is recorded (a crash re-sends at most this run).</summary>
    private static readonly TimeSpan MaxRun = TimeSpan.FromSeconds(1);

    // The subscriptions draining now (one task each), and those tasks, so a stop can wait for them.
    private readonly ConcurrentDictionary<Guid, byte> _draining = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private DateTimeOffset _heldUntil;

    // Resolved at the first delivery, so a node that never delivers does not load the HTTP client.
    private WebhookSender Sender => field ??= services.GetRequiredService<WebhookSender>();

    private bool Held => TimeProvider.System.GetUtcNow() < _heldUntil;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break; // a stop in the middle of a pass still gives the lease up below
            }
            catch (Exception ex)
            {
                LogPassFailed(ex);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_heldUntil != default)
        {
            try
            {
                await lease.ReleaseAsync(LeaseName, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogPassFailed(ex); // the lease then expires by itself
            }
        }
    }

    private async Task StartDueAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WebhookStore>();
            if (!await store.AnyActiveAsync(stoppingToken))
            {
                return;
            }

            var takenAt = TimeProvider.System.GetUtcNow();
            if (!await lease.TryHoldAsync(LeaseName, LeaseDuration, stoppingToken))
            {
                _heldUntil = default;
                return;
            }

            _heldUntil = takenAt + LeaseDuration - TimeSpan.FromSeconds(3);
            due = await store.DueAsync(clock.GetUtcNow(), stoppingToken);
        }

        foreach (var id in due)
        {
            if (_draining.TryAdd(id, 0))
            {
                var drain = Task.Run(() => DrainAsync(id, stoppingToken), CancellationToken.None);
                _running[drain] = 0;
                _ = drain.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
    }

    private async Task DrainAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            for (var i = 0; i < MaxPerDrain && Held && !stoppingToken.IsCancellationRequested; i++)
            {
                if (!await DeliverNextAsync(id, stoppingToken))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDrainFailed(ex, id);
        }
        finally
        {
            _draining.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Delivers (or passes over) the next events of one subscription, one after another, and records the run in one
    /// transaction; false when there is nothing more to do now (a try failed, or no event is left).
    /// </summary>
    private async Task<bool> DeliverNextAsync(Guid id, CancellationToken stoppingToken)
    {
        WebhookSubscription subscription;
        List<FeedItem> wanted;
        string secret;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WebhookStore>();
            if (await store.GetAsync(id, stoppingToken) is not { } found || !found.IsDue(clock.GetUtcNow()))
            {
                return false;
            }

            subscription = found;
            var upTo = await store.LastEventIdAsync(stoppingToken);
            var events = await store.EventsAfterAsync(subscription.Position, upTo, subscription.EventTypes, BatchSize, stoppingToken);
            wanted = events.Where(e => subscription.Wants(e.Type, CertificateNumberOf(e, subscription))).ToList();
            if (wanted.Count == 0)
            {
                var passTo = events.Count == BatchSize ? events[^1].Id : upTo;
                return passTo > subscription.Position && await store.PassOverAsync(id, subscription.Position, passTo, stoppingToken);
            }

            secret = await store.SecretAsync(id, stoppingToken) ?? string.Empty;
        }

        var tries = new List<DeliveryTry>(wanted.Count);
        var started = TimeProvider.System.GetTimestamp();
        foreach (var next in wanted)
        {
            var outcome = await Sender.SendAsync(subscription.Url, secret, next.Id.ToString(CultureInfo.InvariantCulture), Body(next), stoppingToken);
            tries.Add(new DeliveryTry(next.Id, next.Type, outcome.Succeeded, outcome.ResponseStatus, outcome.Error));
            if (!outcome.Succeeded)
            {
                LogAttemptFailed(id, next.Id, tries.Count == 1 ? subscription.NextAttempt : 1, outcome.ResponseStatus);
                break;
            }

            if (TimeProvider.System.GetElapsedTime(started) > MaxRun || !Held)
            {
                break;
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ISystemActor>().ActAsSystem("Pengiriman webhook");
            var recorded = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordDeliveryAttempts(id, subscription.Position, tries), stoppingToken);
            return recorded.IsSuccess && tries[^1].Succeeded;
        }
    }

    /// <summary>The certificate number an event is about (only read when the subscription has a watch-list).</summary>
    private static string? CertificateNumberOf(FeedItem e, WebhookSubscription subscription)
    {
        if (subscription.CertificateNumbers.Count == 0 || !e.Type.StartsWith("certificate.", StringComparison.Ordinal))
        {
            return null;
        }

        using var data = JsonDocument.Parse(e.Data);
        return data.RootElement.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.String ? number.GetString() : null;
    }

    /// <summary>The feed item exactly as <c>GET /api/v1/events</c> serves it: <c>{ id, type, occurredAt, data }</c>.</summary>
    private static string Body(FeedItem e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            EventJson.WriteItem(writer, e);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due webhook deliveries failed; the next pass tries again.")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering to webhook {WebhookId} failed unexpectedly; the next pass tries again.")]
    private partial void LogDrainFailed(Exception exception, Guid webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId}: try {Attempt} of event {EventId} failed (status {ResponseStatus}).")]
    private partial void LogAttemptFailed(Guid webhookId, long eventId, int attempt, int? responseStatus);
}
