using System.Globalization;
using System.Text.Json;
using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Events;

public sealed record EventDto(long Id, string Type, DateTimeOffset OccurredAt, JsonElement Data);

/// <summary>A page of the events feed. <see cref="NextCursor"/> is the id to pass as <c>after</c> next time.</summary>
public sealed record EventPage(IReadOnlyList<EventDto> Items, string? NextCursor);

public sealed record ActorDto(string Name, string Role);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, ActorDto Actor, string Action, string EntityType, Guid EntityId, JsonElement Data);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);

public interface IEventFeed
{
    /// <summary>Events with id greater than <paramref name="after"/>, in id (= commit) order.</summary>
    Task<IReadOnlyList<EventDto>> ReadAsync(long after, int take, CancellationToken cancellationToken);

    /// <summary>Audit entries (optionally of one entity) with id greater than <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntryDto>> AuditAsync(Guid? entityId, long after, int take, CancellationToken cancellationToken);
}

/// <summary>
/// The events feed for other applications: everything that happened after the event <c>after</c>, in commit order.
/// Poll with the returned <c>nextCursor</c>; it stays put when nothing new has happened.
/// </summary>
public sealed record GetEvents(string? After, int? Limit) : IQuery<Result<EventPage>>;

public sealed class GetEventsValidator : IValidator<GetEvents>
{
    public IReadOnlyList<Error> Validate(GetEvents m)
    {
        var errors = new ErrorCollector();
        if (m.After is not null && !long.TryParse(m.After, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(Error.Validation("cursor.invalid", "after is the id of an event (a non-negative integer)."), "after");
        }

        PageRequest.CheckLimit(m.Limit, errors);
        return errors.Errors;
    }
}

public sealed class GetEventsHandler(IEventFeed feed) : IQueryHandler<GetEvents, Result<EventPage>>
{
    public async ValueTask<Result<EventPage>> Handle(GetEvents query, CancellationToken cancellationToken)
    {
        var after = query.After is null ? 0 : long.Parse(query.After, CultureInfo.InvariantCulture);
        var items = await feed.ReadAsync(after, query.Limit ?? PageRequest.DefaultLimit, cancellationToken);
        var next = items.Count > 0 ? items[^1].Id : after;
        return new EventPage(items, next.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The audit trail, oldest first, optionally for one entity (admins only).</summary>
public sealed record GetAudit(Guid? EntityId, int? Limit, string? Cursor) : IQuery<Result<AuditPage>>;

public sealed class GetAuditValidator : IValidator<GetAudit>
{
    public IReadOnlyList<Error> Validate(GetAudit m)
    {
        var errors = new ErrorCollector();
        if (m.Cursor is not null && !long.TryParse(m.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(PageRequest.ForeignCursor, "cursor");
        }

        PageRequest.CheckLimit(m.Limit, errors);
        return errors.Errors;
    }
}

public sealed class GetAuditHandler(IEventFeed feed) : IQueryHandler<GetAudit, Result<AuditPage>>
{
    public async ValueTask<Result<AuditPage>> Handle(GetAudit query, CancellationToken cancellationToken)
    {
        var after = query.Cursor is null ? 0 : long.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var rows = await feed.AuditAsync(query.EntityId, after, limit + 1, cancellationToken);
        var items = rows.Take(limit).ToList();
        return new AuditPage(items, rows.Count > limit ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
