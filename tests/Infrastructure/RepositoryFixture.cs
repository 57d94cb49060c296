using Microsoft.Extensions.Logging.Abstractions;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Security;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Infrastructure.Tests;

/// <summary>A migrated real database and what repositories need to talk to it.</summary>
public sealed class RepositoryFixture : IAsyncDisposable
{
    private RepositoryFixture(TestDatabase database, IDbConnectionFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public IDbConnectionFactory Factory { get; }

    public NikProtector NikProtector { get; } = new(
        System.Security.Cryptography.SHA256.HashData("test encryption"u8),
        System.Security.Cryptography.SHA256.HashData("test index"u8));

    public static RepositoryFixture Create(DatabaseProvider provider)
    {
        TypeHandlers.Register();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        var database = TestDatabase.Create(provider);
        Migrator.Migrate(database.Options, NullLogger.Instance);
        IDbConnectionFactory factory = provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionFactory(database.ConnectionString)
            : new PostgresConnectionFactory(Npgsql.NpgsqlDataSource.Create(database.ConnectionString));
        return new RepositoryFixture(database, factory);
    }

    public DbSession NewSession() => new(Factory);

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
