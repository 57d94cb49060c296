using Microsoft.Data.Sqlite;
using Npgsql;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Recognises a database that cannot be reached or is shutting down (a 503 that a retry may cure), on either engine.</summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        // Connection failures (class 08), shutdown and startup (57P01-57P03), too many connections (53300).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient,
        // Busy or locked past the busy timeout, disk I/O, cannot open the file.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 14,
        _ => Is(exception.InnerException),
    };
}
