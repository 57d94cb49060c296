using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Applies the numbered scripts under <c>Persistence/Migrations/{Sqlite|Postgres}</c> with DbUp, each once, in name
/// order. Runs at start-up on both engines; on SQLite it first puts the file in WAL mode.
/// </summary>
public static partial class Migrator
{
    public static void Migrate(DatabaseOptions options, ILogger logger)
    {
        var folder = options.Provider == DatabaseProvider.Sqlite ? ".Migrations.Sqlite." : ".Migrations.Postgres.";
        UpgradeEngineBuilder builder;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var connectionString = new SqliteConnectionFactory(options.ConnectionString).ConnectionString;
            EnableWal(connectionString);
            builder = DeployChanges.To.SqliteDatabase(connectionString);
        }
        else
        {
            EnsureDatabase.For.PostgresqlDatabase(options.ConnectionString, new DbUpLog(logger));
            builder = DeployChanges.To.PostgresqlDatabase(options.ConnectionString);
        }

        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}.", result.Error);
        }

        if (result.Scripts.Any(s => s.Name.Contains("0013_search_words", StringComparison.Ordinal)))
        {
            SearchWords.Backfill(options);
        }
    }

    private static void EnableWal(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    private sealed partial class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => Write(LogLevel.Debug, format, args);

        public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, format, args);

        public void LogError(string format, params object[] args) => Write(LogLevel.Error, format, args);

        public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, format, args);

        private void Write(LogLevel level, string format, object[] args)
        {
            if (logger.IsEnabled(level))
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
                LogMigration(logger, level, text);
            }
        }

        [LoggerMessage(Message = "Migration: {Text}")]
        private static partial void LogMigration(ILogger logger, LogLevel level, string text);
    }
}
