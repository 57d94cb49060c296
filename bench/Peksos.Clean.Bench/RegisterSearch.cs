using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.Certificates;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Bench;

/// <summary>
/// The public register's word-prefix search over a million certificates on SQLite or PostgreSQL: the query the API runs
/// (CertificateQueries.RegisterAsync), its plans, and the median time of a page over many random word prefixes, for
/// a common word (a given name: the listing-order path) and a rare one (the word-index seek).
/// </summary>
public static class RegisterSearch
{
    private static readonly string[] Given = ["SITI", "AHMAD", "DEWI", "BUDI", "RINA", "AGUS", "WULAN", "EKO", "LESTARI", "HENDRA", "YULIANA", "RIZKY", "NURHAYATI",
        "FAJAR", "INDAH", "JOKO", "KARTIKA", "DIMAS", "RATNA", "TEGUH", "MAYA", "ILHAM", "SRI", "BAYU", "PUTU", "MADE", "KADEK", "NYOMAN", "GUSTI", "YOHANES"];

    public static async Task<int> RunAsync(int count, DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        Migrator.Migrate(database.Options, NullLogger.Instance);
        var seed = Stopwatch.StartNew();
        if (provider == DatabaseProvider.Sqlite)
        {
            Seed(database.ConnectionString, count);
        }
        else
        {
            await SeedPostgresAsync(database.ConnectionString, count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} certificates ({provider}) in {seed.Elapsed.TotalSeconds:F1} s"));

        TypeHandlers.Register();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        IDbConnectionFactory factory = provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionFactory(database.ConnectionString)
            : new PostgresConnectionFactory(Npgsql.NpgsqlDataSource.Create(database.ConnectionString));
        await using var session = new DbSession(factory);
        var queries = new CertificateQueries(session);
        var connection = await session.ConnectionAsync(default);
        var select = provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN SELECT id FROM certificates WHERE " : "EXPLAIN SELECT id FROM certificates WHERE ";
        foreach (var (label, condition, order) in new[]
        {
            ("rare word (seek)", provider == DatabaseProvider.Sqlite
                ? "certificates.id IN (SELECT certificate_id FROM certificate_words WHERE word >= 'abc' AND word < 'abd')"
                : $"certificates.id = ANY('{{{string.Join(',', await connection.QueryAsync<Guid>("SELECT certificate_id FROM certificate_words WHERE word >= 'abc' AND word < 'abd'"))}}}'::uuid[])", "holder_key || ''"),
            ("common word (listing order)", "EXISTS (SELECT 1 FROM certificate_words w WHERE w.certificate_id = certificates.id AND w.word >= 'sit' AND w.word < 'siu')",
                "holder_key"),
        })
        {
            var plan = await connection.QueryAsync($"{select}{condition} ORDER BY {order}, id LIMIT 51");
            Console.WriteLine($"plan, {label}: " + string.Join(" | ", plan.Select(row => ((IDictionary<string, object>)row).Values.Last()?.ToString()?.Trim())));
        }

        var random = new Random(42);
        var today = new DateOnly(2026, 11, 27);
        foreach (var (label, next) in new (string, Func<string>)[]
        {
            ("common word: a given name's first three letters", () => Given[random.Next(Given.Length)][..3].ToLowerInvariant()),
            ("rare word: three letters of a family name", () => RosterFile.Letters(random.Next(1_000_000))[..3].ToLowerInvariant()),
        })
        {
            var times = new List<double>();
            var returned = 0;
            for (var i = 0; i < 300; i++)
            {
                var q = next();
                var watch = Stopwatch.StartNew();
                var rows = await queries.RegisterAsync(new CertificateFilter(q, null, null, null), today, PageRequest.Create(50, null).Value, default);
                watch.Stop();
                if (i >= 20)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    returned += rows.Count;
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"register word-prefix page, {label} (up to 50 of {count:N0}; {returned / (double)times.Count:F1} rows a page on average): median {times[times.Count / 2]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms"));
        }

        return 0;
    }

    /// <summary>PostgreSQL: the same rows by binary COPY, foreign keys off for the seeding session (certificates only), then ANALYZE.</summary>
    private static async Task SeedPostgresAsync(string connectionString, int count)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET session_replication_role = replica");
        var random = new Random(7);
        var exam = Guid.NewGuid();
        var names = new List<(Guid Id, string Name)>(count);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY certificates (id, number, prefix, year, serial, candidate_id, holder_name, holder_key, scheme_code, region_code, exam_id, participant_id, "
            + "issued_on, valid_until, status, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= count; i++)
            {
                var name = $"{Given[random.Next(Given.Length)]} {RosterFile.Letters(random.Next(1_000_000))} {Given[random.Next(Given.Length)]}";
                var id = Guid.CreateVersion7();
                names.Add((id, name));
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(Domain.Certificates.CertificateNumber.Create("PSG", 2026, ((i - 1) % 999_999) + 1).Value + (i > 999_999 ? "X" : ""));
                await writer.WriteAsync("PSG");
                await writer.WriteAsync(2026);
                await writer.WriteAsync(i);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(name);
                await writer.WriteAsync(Domain.Certificates.Certificate.RegisterKey(name));
                await writer.WriteAsync("PEKSOS-GENERALIS");
                await writer.WriteAsync("18.71");
                await writer.WriteAsync(exam, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(new DateOnly(2026, 11, 27), NpgsqlTypes.NpgsqlDbType.Date);
                await writer.WriteAsync(new DateOnly(2031, 11, 26), NpgsqlTypes.NpgsqlDbType.Date);
                await writer.WriteAsync("active");
                await writer.WriteAsync(1);
            }

            await writer.CompleteAsync();
        }

        await using (var words = await connection.BeginBinaryImportAsync("COPY certificate_words (word, certificate_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, name) in names)
            {
                foreach (var w in SearchWords.WordsOf(name))
                {
                    await words.StartRowAsync();
                    await words.WriteAsync(w);
                    await words.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                }
            }

            await words.CompleteAsync();
        }

        await connection.ExecuteAsync("ANALYZE certificates; ANALYZE certificate_words");
    }

    private static void Seed(string connectionString, int count)
    {
        // Certificates only (no candidates or exams behind them), so foreign keys are off for the seeding connection.
        using var connection = new SqliteConnection(connectionString + ";Foreign Keys=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO certificates (id, number, prefix, year, serial, candidate_id, holder_name, holder_key, scheme_code, region_code, exam_id, participant_id,
                issued_on, valid_until, status, version)
            VALUES ($id, $number, 'PSG', 2026, $serial, $candidate, $name, $key, 'PEKSOS-GENERALIS', '18.71', $exam, $participant, '2026-11-27', '2031-11-26', 'active', 1)
            """;
        var parameters = new[] { "$id", "$number", "$serial", "$candidate", "$name", "$key", "$exam", "$participant" }
            .Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        using var words = connection.CreateCommand();
        words.Transaction = transaction;
        words.CommandText = "INSERT OR IGNORE INTO certificate_words (word, certificate_id) VALUES ($word, $id)";
        var word = words.Parameters.Add("$word", SqliteType.Text);
        var owner = words.Parameters.Add("$id", SqliteType.Text);
        words.Prepare();
        var exam = Guid.NewGuid().ToString();
        var random = new Random(7);
        for (var i = 1; i <= count; i++)
        {
            var name = $"{Given[random.Next(Given.Length)]} {RosterFile.Letters(random.Next(1_000_000))} {Given[random.Next(Given.Length)]}";
            var id = Guid.CreateVersion7().ToString("D").ToUpperInvariant(); // the stored form of a Guid on SQLite
            parameters[0].Value = id;
            parameters[1].Value = Domain.Certificates.CertificateNumber.Create("PSG", 2026, ((i - 1) % 999_999) + 1).Value + (i > 999_999 ? "X" : "");
            parameters[2].Value = i;
            parameters[3].Value = Guid.NewGuid().ToString();
            parameters[4].Value = name;
            parameters[5].Value = Domain.Certificates.Certificate.RegisterKey(name);
            parameters[6].Value = exam;
            parameters[7].Value = Guid.NewGuid().ToString();
            insert.ExecuteNonQuery();
            foreach (var w in SearchWords.WordsOf(name))
            {
                word.Value = w;
                owner.Value = id;
                words.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }
}
