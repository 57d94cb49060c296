using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Infrastructure.Persistence.Events;

/// <summary>A row of <c>events</c> (<c>id, type, occurred_at, data</c>), as the feed and the webhook worker read it.</summary>
internal sealed class EventRow
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Data { get; set; } = "";

    public FeedItem ToFeedItem() => new(Id, Type, OccurredAt, Data);
}
