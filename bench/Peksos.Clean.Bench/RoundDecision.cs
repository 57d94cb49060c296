using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Bench;

/// <summary>
/// The plenary decision of one large round through the real host, next to its physical limit: the same certificate,
/// certificate-history, search-word, event and audit rows inserted by raw prepared commands in one transaction on the same database.
/// </summary>
public static class RoundDecision
{
    private const int PerAssessor = 10;

    private static readonly string[] Essays = ["K1", "K2", "K3", "K4", "K5", "S1", "S2", "S3", "S4", "S5", "S6", "V1", "V2", "V3"];

    public static async Task<int> RunAsync(int participants, DatabaseProvider provider, int rounds)
    {
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            await using var database = TestDatabase.Create(provider);
            using var host = await ProcessHost.StartAsync(database, Path.Combine(AppContext.BaseDirectory, "Peksos.Clean.Api.dll"));
            using var admin = host.ClientWithKey(ProcessHost.AdminKey);
            admin.Timeout = TimeSpan.FromMinutes(10);
            var round0 = new Round(admin, host, $"w{round}");
            await round0.DecideAsync(await round0.PrepareAsync(PerAssessor)); // warm-up: the same path once, unmeasured

            var measured = new Round(admin, host, $"m{round}");
            var exam = await measured.PrepareAsync(participants);
            var (events, audit) = await MarksAsync(database);
            var watch = Stopwatch.StartNew();
            var certified = await measured.DecideAsync(exam);
            watch.Stop();

            var baseline = await RawInsertAsync(database, exam, events, audit);
            ratios.Add(baseline.TotalSeconds / watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} ({provider}): decision of {participants} participants ({certified} K) {watch.Elapsed.TotalMilliseconds:F0} ms; "
                + $"raw insert of its certificate, history, event and audit rows {baseline.TotalMilliseconds:F0} ms; ratio {ratios[^1]:F3}"));
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decision/raw ({provider}): median {ratios[ratios.Count / 2]:F3} of {string.Join(", ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    /// <summary>The last event and audit ids before the decision, so the baseline copies exactly the rows the decision wrote.</summary>
    private static async Task<(long Events, long Audit)> MarksAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return ((long)(await Scalar(connection, "SELECT COALESCE(MAX(id), 0) FROM events"))!, (long)(await Scalar(connection, "SELECT COALESCE(MAX(id), 0) FROM audit_log"))!);
    }

    /// <summary>
    /// Reads the rows the decision wrote, deletes its certificates (untimed, so the unique indexes take them again), then times
    /// inserting all of them again by prepared commands in one transaction, commit included.
    /// </summary>
    private static async Task<TimeSpan> RawInsertAsync(TestDatabase database, Guid exam, long eventsBefore, long auditBefore)
    {
        await using var connection = await database.OpenAsync();
        var examId = database.Provider == DatabaseProvider.Sqlite ? (object)exam.ToString() : exam;
        var certificates = await RowsAsync(connection, "SELECT * FROM certificates WHERE exam_id = @p0", examId);
        var history = await RowsAsync(connection, "SELECT h.* FROM certificate_history h JOIN certificates c ON c.id = h.certificate_id WHERE c.exam_id = @p0", examId);
        var words = await RowsAsync(connection, "SELECT w.* FROM certificate_words w JOIN certificates c ON c.id = w.certificate_id WHERE c.exam_id = @p0", examId);
        var events = await RowsAsync(connection, "SELECT type, occurred_at, data FROM events WHERE id > @p0", eventsBefore);
        var audit = await RowsAsync(connection, "SELECT at, actor_key_id, actor_name, actor_role, action, entity_type, entity_id, data FROM audit_log WHERE id > @p0", auditBefore);
        await Execute(connection, "DELETE FROM certificate_history WHERE certificate_id IN (SELECT id FROM certificates WHERE exam_id = @p0)", examId);
        await Execute(connection, "DELETE FROM certificate_words WHERE certificate_id IN (SELECT id FROM certificates WHERE exam_id = @p0)", examId);
        await Execute(connection, "DELETE FROM certificates WHERE exam_id = @p0", examId);

        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertAsync(connection, transaction, "certificates", certificates);
            await InsertAsync(connection, transaction, "certificate_history", history);
            await InsertAsync(connection, transaction, "certificate_words", words);
            await InsertAsync(connection, transaction, "events", events);
            await InsertAsync(connection, transaction, "audit_log", audit);
            await transaction.CommitAsync();
        }

        watch.Stop();
        return watch.Elapsed;
    }

    private sealed record Table(string[] Columns, List<object?[]> Rows);

    private static async Task<Table> RowsAsync(DbConnection connection, string sql, object parameter)
    {
        await using var command = Command(connection, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        var dates = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetDataTypeName(i) == "date").ToArray();
        while (await reader.ReadAsync())
        {
            var values = new object?[columns.Length];
            reader.GetValues(values!);
            for (var i = 0; i < values.Length; i++)
            {
                // PostgreSQL reads a date as a DateTime, which it would write back as a timestamp.
                if (dates[i] && values[i] is DateTime day)
                {
                    values[i] = DateOnly.FromDateTime(day);
                }
            }

            rows.Add(values);
        }

        return new Table(columns, rows);
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, Table rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", rows.Columns)}) VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = rows.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var prepared = false;
        foreach (var row in rows.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            if (!prepared)
            {
                // Npgsql prepares with the parameters' types, known once the first row's values are set.
                await command.PrepareAsync();
                prepared = true;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, object parameter)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "p0";
        p.Value = parameter;
        command.Parameters.Add(p);
        return command;
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(DbConnection connection, string sql, object parameter)
    {
        await using var command = Command(connection, sql, parameter);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One exam round built over HTTP as a secretariat would: candidates, accepted portfolios, assessors of ten each, assessments.</summary>
    private sealed class Round(HttpClient admin, ProcessHost host, string tag)
    {
        private readonly List<(Guid Participant, Guid Portfolio, HttpClient Assessor)> _enrolled = [];
        private readonly List<HttpClient> _assessors = [];
        private static int _nik;

        public async Task<Guid> PrepareAsync(int participants)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)); // the host's calendar is WIB
            var exam = (await PostAsync(admin, "/api/v1/exams", new
            {
                schemeCode = "PEKSOS-GENERALIS",
                title = $"Uji Kompetensi {tag}",
                venue = "TUK Dinas Sosial Provinsi Lampung",
                regionCode = "18.71",
                scheduledOn = today,
                capacity = participants,
            })).GetProperty("id").GetGuid();
            var assessorIds = new List<Guid>();
            for (var a = 0; a < (participants + PerAssessor - 1) / PerAssessor; a++)
            {
                var id = (await PostAsync(admin, "/api/v1/assessors", new
                {
                    fullName = $"Asesor {Letters(a)}",
                    registrationNumber = $"MET.{tag}.{a:D4}",
                    organisation = "Universitas Lampung",
                    email = $"asesor{a}.{tag}@example.org",
                })).GetProperty("id").GetGuid();
                await PostAsync(admin, $"/api/v1/exams/{exam}/assessors", new { assessorId = id });
                var key = (await PostAsync(admin, "/api/v1/api-keys", new { name = $"asesor {tag} {a}", role = "assessor", assessorId = id })).GetProperty("key").GetString()!;
                assessorIds.Add(id);
                _assessors.Add(host.ClientWithKey(key));
            }

            var portfolios = new Guid[participants];
            await Parallel.ForEachAsync(Enumerable.Range(0, participants), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, _) => portfolios[i] = await AcceptedPortfolioAsync());
            for (var i = 0; i < participants; i++)
            {
                var participant = (await PostAsync(admin, $"/api/v1/exams/{exam}/participants", new { portfolioId = portfolios[i], assessorId = assessorIds[i / PerAssessor] }))
                    .GetProperty("id").GetGuid();
                _enrolled.Add((participant, portfolios[i], _assessors[i / PerAssessor]));
            }

            await PostAsync(admin, $"/api/v1/exams/{exam}/start", new { });
            foreach (var assessor in _assessors)
            {
                await PostAsync(assessor, $"/api/v1/exams/{exam}/impartiality", new { statement = "Saya menyatakan tidak memiliki konflik kepentingan." });
            }

            await Parallel.ForEachAsync(_enrolled.Select((e, i) => (e, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (x, _) =>
                await PostAsync(x.e.Assessor, $"/api/v1/exams/{exam}/participants/{x.e.Participant}/assessment", await SheetAsync(x.e.Portfolio, x.i % 7 == 6 ? 50 : 80)));
            return exam;
        }

        /// <summary>Decides the exam; returns the number of K results.</summary>
        public async Task<int> DecideAsync(Guid exam)
        {
            var decision = await PostAsync(admin, $"/api/v1/exams/{exam}/decision", new { decreeNumber = $"SK-{tag}/LSP-PS/2026", panel = new[] { new { name = "Drs. Hartono, M.Si." } } });
            foreach (var assessor in _assessors)
            {
                assessor.Dispose();
            }

            return decision.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("result").GetString() == "k");
        }

        private async Task<Guid> AcceptedPortfolioAsync()
        {
            var n = Interlocked.Increment(ref _nik);
            var candidate = (await PostAsync(admin, "/api/v1/candidates", new
            {
                nik = RosterFile.Nik(n),
                fullName = $"Peserta {Letters(n)}, S.Sos.",
                birthDate = "1990-06-05",
                sex = "F",
                email = $"peserta{n}@example.org",
                phone = "081234567890",
                education = new { level = "S1", field = "kesejahteraan-sosial", institution = "Universitas Lampung", graduationYear = 2012 },
                employment = new { type = "pendamping-pkh", organisation = "Dinas Sosial Kota Bandar Lampung", regionCode = "18.71" },
                practiceAreas = new[] { "kemiskinan" },
            })).GetProperty("id").GetGuid();
            await PostAsync(admin, $"/api/v1/candidates/{candidate}/practice-records", new
            {
                organisation = "LKS Harapan Bangsa",
                role = "Pekerja sosial",
                startDate = "2020-01-01",
                endDate = "2025-12-31",
                hours = 1_344,
                pmksCategory = "kemiskinan",
            });
            var portfolio = (await PostAsync(admin, "/api/v1/portfolios", new { candidateId = candidate, schemeCode = "PEKSOS-GENERALIS" })).GetProperty("id").GetGuid();
            foreach (var (category, all) in new[] { ("kemiskinan", true), ("kecacatan", false), ("keterlantaran", false) })
            {
                await PostAsync(admin, $"/api/v1/portfolios/{portfolio}/evidence", new
                {
                    kind = "case-record",
                    title = $"Pendampingan ({category})",
                    description = "Catatan kasus.",
                    documentDate = "2025-03-01",
                    pmksCategory = category,
                    helpingStages = all ? new[] { "engagement", "assessment", "planning", "intervention", "evaluation", "termination" } : new[] { "engagement", "assessment" },
                    clientType = "family",
                });
            }

            foreach (var kind in new[] { "work-experience-letter", "organisation-recommendation", "diploma" })
            {
                await PostAsync(admin, $"/api/v1/portfolios/{portfolio}/evidence", new { kind, title = kind, documentDate = "2025-01-01" });
            }

            var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"kata{i}"));
            foreach (var code in Essays)
            {
                (await admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolio}/essays/{code}", new { text })).EnsureSuccessStatusCode();
            }

            await PostAsync(admin, $"/api/v1/portfolios/{portfolio}/submit", new { });
            await PostAsync(admin, $"/api/v1/portfolios/{portfolio}/accept", new { });
            return portfolio;
        }

        private async Task<object> SheetAsync(Guid portfolioId, int written)
        {
            var portfolio = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/portfolios/{portfolioId}")).RootElement;
            return new
            {
                writtenScore = written,
                interview = "k",
                interviewNotes = "Menjawab dengan baik.",
                evidenceVerdicts = portfolio.GetProperty("evidence").EnumerateArray()
                    .Select(e => new { evidenceId = e.GetProperty("id").GetGuid(), valid = true, authentic = true, current = true, sufficient = true }).ToArray(),
                essayScores = Essays.Select(code => new { code, score = 4 }).ToArray(),
            };
        }

        private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
        {
            using var response = await client.PostAsJsonAsync(url, body);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {text}");
            }

            return JsonDocument.Parse(text).RootElement.Clone();
        }

        private static string Letters(int i) => RosterFile.Letters(i);
    }
}
