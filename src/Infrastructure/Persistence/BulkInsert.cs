using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows in the current transaction at the speed each engine allows: on SQLite (in-process) one compiled
/// single-row statement executed per row, bound by position; on PostgreSQL binary <c>COPY</c>. Values are written exactly as
/// Dapper's own parameters are.
/// </summary>
public static class BulkInsert
{
    public static async Task ExecuteAsync(DbSession session, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        if (session.Provider == DatabaseProvider.Sqlite)
        {
            InsertSqlite((SqliteConnection)connection, table, columns, rows);
            return;
        }

        // PostgreSQL: binary COPY into the table, inside the session's transaction (COPY is transactional: a rollback
        // takes the rows back, and insert triggers and constraints apply as for INSERT).
        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await (value switch
                {
                    null => writer.WriteNullAsync(cancellationToken),
                    Guid g => writer.WriteAsync(g, NpgsqlDbType.Uuid, cancellationToken),
                    string text => writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    int number => writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    long number => writer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                    bool flag => writer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                    double real => writer.WriteAsync(real, NpgsqlDbType.Double, cancellationToken),
                    DateOnly date => writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                    DateTimeOffset at => writer.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
                    byte[] bytes => writer.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
                    var other => throw new NotSupportedException($"No PostgreSQL COPY binding for {other.GetType().Name}."),
                });
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite only: inserts the rows like <see cref="ExecuteAsync"/>, except that a row whose
    /// <paramref name="uniqueColumn"/> value is already stored is skipped (<c>ON CONFLICT … DO NOTHING</c>; any other
    /// constraint still fails). Returns, for each row, whether it was inserted.
    /// </summary>
    public static async Task<IReadOnlyList<bool>> InsertUnlessConflictAsync(
        DbSession session, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string uniqueColumn, CancellationToken cancellationToken)
    {
        if (session.Provider != DatabaseProvider.Sqlite)
        {
            throw new NotSupportedException("COPY cannot skip a conflicting row; look the keys up first on PostgreSQL.");
        }

        var inserted = new bool[rows.Count];
        if (rows.Count > 0)
        {
            var connection = await session.ConnectionAsync(cancellationToken);
            InsertSqlite((SqliteConnection)connection, table, columns, rows, $" ON CONFLICT ({uniqueColumn}) DO NOTHING", inserted);
        }

        return inserted;
    }

    /// <summary>SQLite: one statement compiled once, values bound by position through the C API (docs/decisions.md, "Hot reads and bulk writes").</summary>
    private static void InsertSqlite(
        SqliteConnection connection, string table, IReadOnlyList<string> columnNames, IReadOnlyList<object?[]> rows, string onConflict = "", bool[]? inserted = null)
    {
        var db = connection.Handle!;
        var columns = columnNames.Count;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columnNames)}) VALUES ("
            + string.Join(", ", Enumerable.Range(1, columns).Select(i => string.Create(CultureInfo.InvariantCulture, $"?{i}"))) + ")" + onConflict;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                for (var c = 0; c < columns; c++)
                {
                    Check(db, TypeHandlers.ForSqlite(row[c]) switch
                    {
                        DBNull => raw.sqlite3_bind_null(statement, c + 1),
                        string text => raw.sqlite3_bind_text(statement, c + 1, text),
                        int number => raw.sqlite3_bind_int64(statement, c + 1, number),
                        long number => raw.sqlite3_bind_int64(statement, c + 1, number),
                        bool flag => raw.sqlite3_bind_int64(statement, c + 1, flag ? 1 : 0),
                        double real => raw.sqlite3_bind_double(statement, c + 1, real),
                        byte[] bytes => raw.sqlite3_bind_blob(statement, c + 1, bytes),
                        var other => throw new NotSupportedException($"No SQLite binding for {other.GetType().Name}."),
                    });
                }

                var done = raw.sqlite3_step(statement);
                var failure = done == raw.SQLITE_DONE ? null : Failure(db, done);
                if (inserted is not null && failure is null)
                {
                    inserted[r] = raw.sqlite3_changes(db) == 1; // 0 when ON CONFLICT skipped the row
                }

                raw.sqlite3_reset(statement);
                if (failure is not null)
                {
                    throw failure;
                }
            }
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(db, result);
        }
    }

    private static SqliteException Failure(sqlite3 db, int result) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
}
