using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Webhooks;

/// <summary>
/// Another application's standing request to be told of events: where to post them, which event types and, for a
/// watch-list, which certificates. It delivers the feed in order from <see cref="Position"/> and is disabled when one
/// event's tries run out.
/// </summary>
public sealed class WebhookSubscription : AggregateRoot
{
    private WebhookSubscription(Guid id, string ownerKeyId, Uri url, IReadOnlyList<string> eventTypes, IReadOnlySet<string> certificateNumbers,
        string? description, DateTimeOffset createdAt, long position)
    {
        Id = id;
        OwnerKeyId = ownerKeyId;
        Url = url;
        EventTypes = eventTypes;
        CertificateNumbers = certificateNumbers;
        Description = description;
        CreatedAt = createdAt;
        Position = position;
    }

    public Guid Id { get; }

    /// <summary>The API key that created it: a consumer sees and deletes only its own.</summary>
    public string OwnerKeyId { get; }

    public Uri Url { get; }

    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>Empty: every certificate. Otherwise events about a certificate are delivered only for these numbers.</summary>
    public IReadOnlySet<string> CertificateNumbers { get; }

    public string? Description { get; }

    public DateTimeOffset CreatedAt { get; }

    public WebhookStatus Status { get; private set; } = WebhookStatus.Active;

    /// <summary>The id of the last event delivered (or passed over as not wanted); the next delivery is after it.</summary>
    public long Position { get; private set; }

    /// <summary>Failed tries of the event after <see cref="Position"/>.</summary>
    public int Failures { get; private set; }

    /// <summary>When the failed event is tried again (null: as soon as there is one).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>A new subscription; it receives the events committed after <paramref name="lastEventId"/>.</summary>
    public static WebhookSubscription Create(Guid id, string ownerKeyId, Uri url, IReadOnlyList<string> eventTypes, IReadOnlySet<string> certificateNumbers,
        string? description, DateTimeOffset createdAt, long lastEventId)
    {
        var subscription = new WebhookSubscription(id, ownerKeyId, url, eventTypes, certificateNumbers, description, createdAt, lastEventId);
        subscription.Raise(new WebhookCreated(id, url.ToString(), eventTypes, certificateNumbers.Count, createdAt));
        return subscription;
    }

    public static WebhookSubscription Rebuild(Guid id, string ownerKeyId, Uri url, IReadOnlyList<string> eventTypes, IReadOnlySet<string> certificateNumbers,
        string? description, DateTimeOffset createdAt, WebhookStatus status, long position, int failures, DateTimeOffset? nextAttemptAt,
        DateTimeOffset? disabledAt, int version)
    {
        var subscription = new WebhookSubscription(id, ownerKeyId, url, eventTypes, certificateNumbers, description, createdAt, position)
        {
            Status = status,
            Failures = failures,
            NextAttemptAt = nextAttemptAt,
            DisabledAt = disabledAt,
        };
        subscription.SetVersion(version);
        return subscription;
    }

    /// <summary>Whether an event of <paramref name="type"/>, naming <paramref name="certificateNumber"/> when it is about one, is delivered.</summary>
    public bool Wants(string type, string? certificateNumber) =>
        EventTypes.Contains(type, StringComparer.Ordinal)
        && (CertificateNumbers.Count == 0 || certificateNumber is null || CertificateNumbers.Contains(certificateNumber));

    /// <summary>Whether a delivery may be tried now: active, and any back-off has passed.</summary>
    public bool IsDue(DateTimeOffset now) => Status == WebhookStatus.Active && (NextAttemptAt is null || NextAttemptAt <= now);

    /// <summary>The number of the next try of the event after <see cref="Position"/> (1 for the first).</summary>
    public int NextAttempt => Failures + 1;

    /// <summary>The receiver acknowledged <paramref name="eventId"/>: the next delivery is the event after it.</summary>
    public void Acknowledge(long eventId)
    {
        Position = eventId;
        Failures = 0;
        NextAttemptAt = null;
    }

    /// <summary>
    /// A try failed: it is tried again after the schedule's next delay, or, when the schedule is spent, the
    /// subscription is disabled (<c>webhook.disabled</c>).
    /// </summary>
    public void Fail(DateTimeOffset now, RetrySchedule schedule)
    {
        Failures++;
        if (schedule.DelayAfter(Failures) is { } delay)
        {
            NextAttemptAt = now + delay;
            return;
        }

        Status = WebhookStatus.Disabled;
        DisabledAt = now;
        NextAttemptAt = null;
        Raise(new WebhookDisabled(Id, Url.ToString(), Failures, now));
    }

    /// <summary>Deletion, by its owner or an admin.</summary>
    public void Delete(DateTimeOffset now) => Raise(new WebhookDeleted(Id, Url.ToString(), now));
}

public enum WebhookStatus
{
    Active,
    Disabled,
}

public sealed record WebhookCreated(Guid WebhookId, string Url, IReadOnlyList<string> EventTypes, int WatchedCertificates, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record WebhookDisabled(Guid WebhookId, string Url, int Attempts, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record WebhookDeleted(Guid WebhookId, string Url, DateTimeOffset OccurredAt) : IDomainEvent;
