using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows in the current transaction at the speed each engine allows: on SQLite (in-process) one prepared
/// single-row statement executed per row; on PostgreSQL multi-row <c>INSERT … VALUES (…), (…)</c> statements with
/// positional parameters, one round trip per chunk. Values are written exactly as Dapper's own parameters are.
/// </summary>
public static class BulkInsert
{
    /// <summary>Rows per PostgreSQL statement (× columns stays far below its 65,535-parameter limit).</summary>
    public const int ChunkSize = 500;

    public static async Task ExecuteAsync(DbSession session, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var into = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
        if (session.Provider == DatabaseProvider.Sqlite)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = session.Transaction;
            command.CommandText = into + "(" + string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$p{i}"))) + ")";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"$p{i}");
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = TypeHandlers.ForSqlite(row[c]);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        for (var start = 0; start < rows.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, rows.Count - start);
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.Transaction = (NpgsqlTransaction?)session.Transaction;
            var sql = new StringBuilder(into);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < columns.Count; c++)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = ForPostgres(row[c]) });
                    sql.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count.ToString(CultureInfo.InvariantCulture));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object ForPostgres(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset t => t.ToUniversalTime(),
        _ => value,
    };
}
