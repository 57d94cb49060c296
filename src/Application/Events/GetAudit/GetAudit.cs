using System.Globalization;
using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Events.GetAudit;

/// <summary>The audit trail, oldest first, optionally for one entity (admins only).</summary>
public sealed record GetAudit(Guid? EntityId, int? Limit, string? Cursor) : IQuery<Result<AuditPage>>
{
    public Result<(long After, int Limit)> Parse()
    {
        var errors = new ErrorCollector();
        long after = 0;
        if (Cursor is not null && !long.TryParse(Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            errors.Add(PageRequest.ForeignCursor, "cursor");
        }

        PageRequest.CheckLimit(Limit, errors);
        return errors.HasErrors ? errors.ToError() : (after, Limit ?? PageRequest.DefaultLimit);
    }
}

public sealed class GetAuditHandler(IEventFeed feed) : IQueryHandler<GetAudit, Result<AuditPage>>
{
    public async ValueTask<Result<AuditPage>> Handle(GetAudit query, CancellationToken cancellationToken)
    {
        var parsed = query.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (after, limit) = parsed.Value;
        var rows = await feed.AuditAsync(query.EntityId, after, limit + 1, cancellationToken);
        var items = rows.Take(limit).ToList();
        return new AuditPage(items, rows.Count > limit ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
