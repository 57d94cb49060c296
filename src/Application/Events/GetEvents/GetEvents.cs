using System.Globalization;
using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Events.GetEvents;

/// <summary>
/// The events feed for other applications: everything that happened after the event <c>after</c>, in commit order.
/// Poll with the returned <c>nextCursor</c>; it stays put when nothing new has happened.
/// </summary>
public sealed record GetEvents(string? After, int? Limit) : IQuery<Result<FeedPage>>
{
    public Result<(long After, int Limit)> Parse()
    {
        var errors = new ErrorCollector();
        long after = 0;
        if (After is not null && !long.TryParse(After, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            errors.Add(Error.Validation("cursor.invalid", "after is the id of an event (a non-negative integer)."), "after");
        }

        PageRequest.CheckLimit(Limit, errors);
        return errors.HasErrors ? errors.ToError() : (after, Limit ?? PageRequest.DefaultLimit);
    }
}

public sealed class GetEventsHandler(IEventFeed feed) : IQueryHandler<GetEvents, Result<FeedPage>>
{
    public async ValueTask<Result<FeedPage>> Handle(GetEvents query, CancellationToken cancellationToken)
    {
        var parsed = query.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (after, limit) = parsed.Value;
        var items = await feed.ReadAsync(after, limit, cancellationToken);
        var next = items.Count > 0 ? items[^1].Id : after;
        return new FeedPage(items, next.ToString(CultureInfo.InvariantCulture));
    }
}
