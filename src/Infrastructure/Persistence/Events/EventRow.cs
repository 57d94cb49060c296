using System.Data.Common;
using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Infrastructure.Persistence.Events;

/// <summary>A row of <c>events</c>, selected as <see cref="Columns"/> and read by position, for the feed and the webhook worker.</summary>
internal static class EventRow
{
    public const string Columns = "id, type, occurred_at, data";

    public static FeedItem Read(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), TypeHandlers.ReadTimestamp(r, 2), r.GetString(3));
}
