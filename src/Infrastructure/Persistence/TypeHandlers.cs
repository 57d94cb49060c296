using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// How Guids, dates and timestamps are stored: natively on PostgreSQL, as text on SQLite in one set of forms
/// (<see cref="ForSqlite"/>) shared by Dapper, <see cref="BulkInsert"/> and the typed reads (docs/decisions.md, "Persistence").
/// </summary>
public static class TypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    private const string StoredTimestamp = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    /// <summary>A value as SQLite stores it (see the class summary).</summary>
    public static object ForSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString("D").ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString(StoredTimestamp, CultureInfo.InvariantCulture),
        _ => value,
    };

    // Typed reads of one column by position, for the statements read on every request (DbSession.QueryByKeyAsync): the
    // same stored forms as the handlers below, without boxing each value on the way.

    public static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    public static Guid? ReadNullableGuid(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadGuid(reader, ordinal);

    public static DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader ? ParseStoredDate(reader.GetString(ordinal)) : reader.GetFieldValue<DateOnly>(ordinal);

    public static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader ? ParseStoredTimestamp(reader.GetString(ordinal)) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    public static string? ReadNullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly ParseStoredDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The stored form first (an exact parse is several times cheaper than a general one), then any ISO 8601 text.
    private static DateTimeOffset ParseStoredTimestamp(string text) =>
        DateTimeOffset.TryParseExact(text, StoredTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = ForSqlite(value);
            }
            else
            {
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = ForSqlite(value);
            }
            else
            {
                parameter.Value = value;
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => ParseStoredDate(s),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = ForSqlite(value);
            }
            else
            {
                parameter.Value = value.ToUniversalTime();
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => ParseStoredTimestamp(s),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };
    }
}
