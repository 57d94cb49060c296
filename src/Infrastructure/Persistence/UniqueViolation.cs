using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Recognises a unique-constraint violation on either engine.</summary>
public static class UniqueViolation
{
    public static bool Is(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
