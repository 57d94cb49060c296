using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

// Measurements that need a real host process and real files; see docs/benchmarks.md for how to run and read them.
//   dotnet run -c Release --project bench/Peksos.Clean.Bench -- import [rows] [sqlite|postgres] [rounds]
//   ... -- startup | register-search [certificates] [sqlite|postgres] | dispatch | serve-baseline <db> <number> <urls>
//   ... -- round-decision [participants] [sqlite|postgres] [rounds] | upload [uploads] [rounds] | certificate-pdf [count] [rounds]
//   ... -- webhooks [events] [rounds] | summary [candidates] [sqlite|postgres] [requests]
var command = args.FirstOrDefault() ?? "import";

return command switch
{
    "import" => await ImportBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 && args[2] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3),
    "round-decision" => await Peksos.Clean.Bench.RoundDecision.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400,
        args.Length > 2 && args[2] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3),
    "startup" => await Peksos.Clean.Bench.Startup.RunAsync(),
    "certificate-pdf" => await Peksos.Clean.Bench.CertificatePdfRender.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    "upload" => await Peksos.Clean.Bench.Upload.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    "register-search" => await Peksos.Clean.Bench.RegisterSearch.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 && args[2] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite),
    "webhooks" => await Peksos.Clean.Bench.WebhookDelivery.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3),
    "summary" => await Peksos.Clean.Bench.SummaryReport.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 && args[2] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50),
    "dispatch" => RunDispatch(args[1..]),
    "serve-baseline" => await Peksos.Clean.Bench.Baseline.ServeAsync(args[1], args[2], args[3]),
    _ => Usage(),
};

static int RunDispatch(string[] rest)
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<Peksos.Clean.Bench.Dispatch>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: import [rows] [sqlite|postgres] [rounds] | upload [uploads] [rounds] | certificate-pdf [count] [rounds] | webhooks [events] [rounds] | summary [candidates] [sqlite|postgres] [requests] | round-decision [participants] [sqlite|postgres] [rounds] | startup | register-search [certificates] [sqlite|postgres] | dispatch | serve-baseline <db> <number> <urls>");
    return 2;
}

/// <summary>
/// Roster import through the real host over loopback HTTP: rows per second end to end and the host's peak memory,
/// side by side with the physical limit on the same machine (L2: the same rows inserted by a raw prepared command in
/// one transaction, on SQLite).
/// </summary>
internal static class ImportBenchmark
{
    private const int WarmUps = 5;

    private const int WarmUpRows = 20_000;

    /// <summary>The people L2 puts in its table before it is timed, other than the measured rows' (as the warm-up's are).</summary>
    private const int PrefillPeople = 500_000;

    private static readonly TimeSpan WarmUpPause = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Rounds of (import on a fresh host and database, then L2 three times) one after the other, so that the shared machine's changing
    /// speed hits both sides of each round's ratio alike; prints each round and the median ratio.
    /// </summary>
    public static async Task<int> RunAsync(int rows, DatabaseProvider provider, int rounds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"roster-{rows}.csv");
        var (csv, valid, duplicates, rejected) = RosterFile.Generate(rows);
        await File.WriteAllTextAsync(file, csv);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"roster: {rows:N0} rows ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB), {valid:N0} valid, {duplicates:N0} duplicates, {rejected.Count:N0} broken; {rounds} rounds"));

        var ratios = new List<double>();
        long worstPeak = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var measured = await ImportOnceAsync(file, provider);
            var (imported, elapsed, peak, idle) = (measured.Imported, measured.Elapsed, measured.Peak, measured.Idle);
            worstPeak = Math.Max(worstPeak, peak);
            // L2 is short and swings more with the machine than the import does: the median of three runs each round.
            var l2Runs = new List<TimeSpan>();
            for (var run = 0; run < 3; run++)
            {
                l2Runs.Add(provider == DatabaseProvider.Sqlite ? RawSqliteInsert(imported, measured.WarmedUp) : await PostgresCopy(imported, measured.WarmedUp));
            }

            var l2 = l2Runs.Order().ElementAt(1);
            ratios.Add(l2.TotalSeconds / elapsed.TotalSeconds);
            var cpu = string.Create(CultureInfo.InvariantCulture, $"CPU during the import: host {measured.HostCpu.TotalSeconds:F2} s")
                + (provider == DatabaseProvider.Postgres ? string.Create(CultureInfo.InvariantCulture, $", PostgreSQL server {measured.DatabaseCpu.TotalSeconds:F2} s") : "")
                + (measured.Compiled is { } compiled ? string.Create(CultureInfo.InvariantCulture, $"; methods compiled by the host's runtime during it: {compiled:N0}") : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: import ({provider}) {imported:N0} rows in {elapsed.TotalSeconds:F2} s = {imported / elapsed.TotalSeconds:N0} rows/s, "
                + $"host peak {peak / 1048576.0:F0} MB (idle {idle / 1048576.0:F0} MB); "
                + $"L2 ({(provider == DatabaseProvider.Sqlite ? "raw prepared insert, one transaction" : "binary COPY")}, into a table already holding the warm-up's {measured.WarmedUp:N0} rows) {imported / l2.TotalSeconds:N0} rows/s; "
                + $"import/L2 = {ratios[^1]:F3}; {cpu}"));
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import/L2 ({provider}): median {ratios[ratios.Count / 2]:F3} of {string.Join(", ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}; worst host peak {worstPeak / 1048576.0:F0} MB"));
        return 0;
    }

    /// <summary>One measured import through a fresh host on a fresh database, after a warm-up, with the CPU split of docs/benchmarks.md.</summary>
    private static async Task<ImportRun> ImportOnceAsync(string file, DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        var jitLog = Environment.GetEnvironmentVariable("PEKSOS_BENCH_JIT_LOG");
        var settings = jitLog is null
            ? null
            : new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = jitLog, ["DOTNET_JitDisasmSummary"] = "1" };
        using var host = await ProcessHost.StartAsync(database, Path.Combine(AppContext.BaseDirectory, "Peksos.Clean.Api.dll"), settings);
        using var client = host.ClientWithKey(ProcessHost.AdminKey);
        client.Timeout = TimeSpan.FromMinutes(30);
        var idle = host.PeakMemoryBytes();

        // Unmeasured warm-up rosters with pauses, so the import runs on recompiled code (why and how much: docs/benchmarks.md, "Import").
        var warmedUp = 0;
        for (var warmup = 0; warmup < WarmUps; warmup++)
        {
            var (roster, _, _, _) = RosterFile.Generate(WarmUpRows, firstPerson: 500_000 + (warmup * WarmUpRows));
            using var warmupContent = new StringContent(roster, Encoding.UTF8, "text/csv");
            using var warmupResponse = (await client.PostAsync("/api/v1/candidates/import", warmupContent)).EnsureSuccessStatusCode();
            warmedUp += JsonDocument.Parse(await warmupResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("imported").GetInt32();
            await Task.Delay(WarmUpPause);
        }

        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var compiledBefore = jitLog is null ? 0 : File.ReadLines(jitLog).Count();
        var hostCpu = host.CpuTime();
        var databaseCpu = provider == DatabaseProvider.Postgres ? PostgresServerCpu() : TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/candidates/import", content);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        hostCpu = host.CpuTime() - hostCpu;
        databaseCpu = provider == DatabaseProvider.Postgres ? PostgresServerCpu() - databaseCpu : TimeSpan.Zero;
        int? compiled = jitLog is null ? null : File.ReadLines(jitLog).Count() - compiledBefore;
        response.EnsureSuccessStatusCode();
        var imported = JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32();
        return new ImportRun(imported, warmedUp, watch.Elapsed, host.PeakMemoryBytes(), idle, hostCpu, databaseCpu, compiled);
    }

    private sealed record ImportRun(int Imported, int WarmedUp, TimeSpan Elapsed, long Peak, long Idle, TimeSpan HostCpu, TimeSpan DatabaseCpu, int? Compiled);

    /// <summary>The CPU time used so far by the PostgreSQL server's processes on this machine (from /proc).</summary>
    private static TimeSpan PostgresServerCpu()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || !File.ReadAllText(Path.Combine(directory, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // /proc/PID/stat: after the command name in parentheses, utime and stime are the 12th and 13th fields.
                var fields = File.ReadAllText(Path.Combine(directory, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended while being read
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    /// <summary>
    /// The physical limit on PostgreSQL: the same number of candidate rows by one binary <c>COPY</c> into a fresh, migrated
    /// database whose table first gets <paramref name="existing"/> rows of other people (not timed).
    /// </summary>
    private static async Task<TimeSpan> PostgresCopy(int count, int existing)
    {
        await using var database = TestDatabase.CreatePostgres();
        Migrator.Migrate(database.Options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await CopyRowsAsync(connection, PrefillPeople, existing); // not timed: the table as the import found it
        var watch = Stopwatch.StartNew();
        await CopyRowsAsync(connection, 0, count);
        watch.Stop();
        return watch.Elapsed;
    }

    private static async Task CopyRowsAsync(Npgsql.NpgsqlConnection connection, int first, int count)
    {
        var ids = new List<(Guid Id, int Person)>(count);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY candidates (id, nik_index, nik_protected, nik_last4, full_name, birth_date, sex, email, phone, education_level, education_field, employment_type, "
            + "organisation, region_code, practice_areas, practice_hours, training_hours, created_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            var createdAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
            for (var i = first; i < first + count; i++)
            {
                var id = Guid.CreateVersion7();
                ids.Add((id, i));
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(RosterFile.Nik(i)))));
                await writer.WriteAsync("AQ" + new string('x', 58));
                await writer.WriteAsync("0003");
                await writer.WriteAsync($"Peserta {RosterFile.Letters(i)}, S.Sos.");
                await writer.WriteAsync(new DateOnly(1990, 6, 5), NpgsqlTypes.NpgsqlDbType.Date);
                await writer.WriteAsync("F");
                await writer.WriteAsync($"peserta{i}@example.org");
                await writer.WriteAsync("+6281234567890");
                await writer.WriteAsync("S1");
                await writer.WriteAsync("kesejahteraan-sosial");
                await writer.WriteAsync("pendamping-pkh");
                await writer.WriteAsync("Dinas Sosial Kota Bandar Lampung");
                await writer.WriteAsync("18.71");
                await writer.WriteAsync("kemiskinan,keterlantaran");
                await writer.WriteAsync(0);
                await writer.WriteAsync(0);
                await writer.WriteAsync(createdAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1);
            }

            await writer.CompleteAsync();
        }

        // The words of each name (migration 0013), as the import writes them.
        await using var words = await connection.BeginBinaryImportAsync("COPY candidate_words (word, candidate_id) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, person) in ids)
        {
            foreach (var word in NameWords(person))
            {
                await words.StartRowAsync();
                await words.WriteAsync(word);
                await words.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
            }
        }

        await words.CompleteAsync();
    }

    /// <summary>
    /// The physical limit on SQLite: the same number of candidate rows by one prepared statement in one transaction, into
    /// a fresh copy of the table that first gets <paramref name="existing"/> rows of other people (not timed).
    /// </summary>
    private static TimeSpan RawSqliteInsert(int count, int existing)
    {
        var path = Path.Combine(Path.GetTempPath(), $"l2-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // The same page cache as the host's write connections (DbSession): with the table already holding rows, the
            // random NIK and name indexes no longer fit SQLite's default 2 MB, and L2 would measure the cache, not the insert.
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -8192; " + File.ReadAllText(FindMigration())
                + """
                CREATE TABLE candidate_words (word TEXT NOT NULL, candidate_id TEXT NOT NULL REFERENCES candidates (id), PRIMARY KEY (word, candidate_id));
                CREATE INDEX ix_candidate_words_candidate ON candidate_words (candidate_id, word);
                """;
            setup.ExecuteNonQuery();
        }

        InsertRows(connection, PrefillPeople, existing); // not timed: the table as the import found it
        var watch = Stopwatch.StartNew();
        InsertRows(connection, 0, count);
        watch.Stop();
        connection.Close();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        return watch.Elapsed;
    }

    private static void InsertRows(SqliteConnection connection, int first, int count)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO candidates (id, nik_index, nik_protected, nik_last4, full_name, birth_date, sex, email, phone, education_level, education_field,
                education_institution, graduation_year, employment_type, organisation, region_code, practice_areas, practice_hours, training_hours, created_at, version)
            VALUES ($id, $index, $protected, $last4, $name, '1990-06-05', 'F', $email, '+6281234567890', 'S1', 'kesejahteraan-sosial', NULL, NULL,
                'pendamping-pkh', 'Dinas Sosial Kota Bandar Lampung', '18.71', 'kemiskinan,keterlantaran', 0, 0, '2026-11-27T00:00:00.000000Z', 1)
            """;
        var p = new[] { "$id", "$index", "$protected", "$last4", "$name", "$email" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        using var words = connection.CreateCommand();
        words.Transaction = transaction;
        words.CommandText = "INSERT INTO candidate_words (word, candidate_id) VALUES ($word, $id)";
        var word = words.Parameters.Add("$word", SqliteType.Text);
        var owner = words.Parameters.Add("$id", SqliteType.Text);
        words.Prepare();
        for (var i = first; i < first + count; i++)
        {
            p[0].Value = Guid.CreateVersion7().ToString();
            p[1].Value = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(RosterFile.Nik(i))));
            p[2].Value = "AQ" + new string('x', 58);
            p[3].Value = "0003";
            p[4].Value = $"Peserta {RosterFile.Letters(i)}, S.Sos.";
            p[5].Value = $"peserta{i}@example.org";
            insert.ExecuteNonQuery();
            foreach (var w in NameWords(i))
            {
                word.Value = w;
                owner.Value = p[0].Value;
                words.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>The search words of the roster's name for person <paramref name="i"/> ("Peserta Xy, S.Sos."), precomputed: L2 inserts, it does not fold.</summary>
    private static string[] NameWords(int i) => ["peserta", RosterFile.Letters(i).ToLowerInvariant(), "ssos"];

    private static string FindMigration()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Peksos.Clean.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "src", "Infrastructure", "Persistence", "Migrations", "Sqlite", "0001_candidates.sql");
    }
}
