namespace Peksos.Clean.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// <c>Database:Provider</c> (<c>sqlite</c> by default, or <c>postgres</c>) and <c>ConnectionStrings:Peksos</c>
/// (for SQLite a file connection string, default <c>Data Source=peksos.db</c> in the working directory).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=peksos.db";

    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var parsed = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{provider}'."),
        };

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (parsed == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is 'postgres' but ConnectionStrings:Peksos is empty.");
            }

            connectionString = DefaultSqliteConnectionString;
        }

        return new DatabaseOptions(parsed, connectionString);
    }
}
