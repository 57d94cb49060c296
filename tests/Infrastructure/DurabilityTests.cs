using System.Data.Common;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Infrastructure.Tests;

/// <summary>
/// A deferred transaction commits without waiting for the disk, and only that transaction: the session's next ordinary
/// transaction waits again, on each engine (the import's batches rely on it, and so does every other command).
/// </summary>
public abstract class DurabilityTests(DatabaseProvider provider)
{
    private string SettingQuery => provider == DatabaseProvider.Sqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit";

    // SQLite: 1 = NORMAL, 2 = FULL; PostgreSQL: off / on.
    private string Waits => provider == DatabaseProvider.Sqlite ? "2" : "on";

    private string DoesNotWait => provider == DatabaseProvider.Sqlite ? "1" : "off";

    private async Task<string> SettingInTransaction(DbSession session, Durability durability)
    {
        await session.BeginAsync(default, durability);
        var connection = await session.ConnectionAsync(default);
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = SettingQuery;
        var value = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        await session.CommitAsync(default);
        return value;
    }

    [SkippableFact]
    public async Task DeferredTransaction_DoesNotWaitForTheDisk_AndTheNextOrdinaryOneDoes()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        await using var session = fixture.NewSession();

        (await SettingInTransaction(session, Durability.OnCommit)).Should().Be(Waits);
        (await SettingInTransaction(session, Durability.Deferred)).Should().Be(DoesNotWait);
        (await SettingInTransaction(session, Durability.Deferred)).Should().Be(DoesNotWait);
        (await SettingInTransaction(session, Durability.OnCommit)).Should().Be(Waits);

        // A new session on a pooled connection that the last session left deferred waits again from its first transaction.
        await using (var deferred = fixture.NewSession())
        {
            (await SettingInTransaction(deferred, Durability.Deferred)).Should().Be(DoesNotWait);
        }

        await using var next = fixture.NewSession();
        (await SettingInTransaction(next, Durability.OnCommit)).Should().Be(Waits);
    }
}

public sealed class SqliteDurabilityTests() : DurabilityTests(DatabaseProvider.Sqlite);

public sealed class PostgresDurabilityTests() : DurabilityTests(DatabaseProvider.Postgres);
