using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Events feed, audit trail, optimistic concurrency and concurrent certificate issuance, on each engine.</summary>
public abstract class IntegrationApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<DbConnection> OpenDatabase()
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_factory.Database.ConnectionString)
            : new NpgsqlConnection(_factory.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<JsonElement> Events(string? after = null, HttpClient? client = null) =>
        await ((client ?? _api.Admin).GetAsync(after is null ? "/api/v1/events?limit=200" : $"/api/v1/events?limit=200&after={after}")).Result.ShouldBeJson(HttpStatusCode.OK);

    /// <summary>An exam with one participant assessed K, ready for its decision: (examId, participantId).</summary>
    private async Task<Guid> ExamReadyForDecision(Guid assessor, HttpClient assessorClient, int index)
    {
        var exam = (await _api.Post("/api/v1/exams", new
        {
            schemeCode = "PEKSOS-GENERALIS",
            title = $"Ujikom {index}",
            venue = "TUK",
            regionCode = "18.71",
            scheduledOn = "2026-11-27",
            capacity = 5,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/assessors", new { assessorId = assessor }, HttpStatusCode.OK);
        var (_, portfolio) = await _api.AcceptedGeneralisPortfolio();
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = assessor }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Netral." }, HttpStatusCode.OK, assessorClient);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await _api.PassingSheet(portfolio), HttpStatusCode.OK, assessorClient);
        return exam;
    }

    [SkippableFact]
    public async Task EventsFeed_ServesWhatHappenedInCommitOrder_WithAStableCursor_AndNoNik()
    {
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        var candidate = await _api.RegisterCandidate();
        var candidateId = candidate.GetProperty("id").GetGuid();
        await _api.RecordPractice(candidateId);
        var portfolio = (await _api.OpenPortfolio(candidateId)).GetProperty("id").GetGuid();
        await _api.CompleteGeneralis(portfolio);
        await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);

        var all = await Events(client: consumer);
        var types = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types.Should().Equal("candidate.registered", "portfolio.submitted");
        var ids = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.Should().BeInAscendingOrder();
        all.GetProperty("items")[0].GetProperty("data").GetProperty("candidateId").GetGuid().Should().Be(candidateId);
        all.GetRawText().Should().NotContain("1871014506900", "events never carry a NIK");

        var cursor = all.GetProperty("nextCursor").GetString()!;
        (await Events(cursor)).GetProperty("items").GetArrayLength().Should().Be(0);
        (await Events(cursor)).GetProperty("nextCursor").GetString().Should().Be(cursor, "polling an idle feed keeps the cursor");
        await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
        var next = await Events(cursor);
        next.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Equal("portfolio.accepted");

        // A refused command leaves no event.
        await (await _api.Admin.PostAsync($"/api/v1/portfolios/{portfolio}/accept", null)).ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.not-submitted");
        (await Events(next.GetProperty("nextCursor").GetString())).GetProperty("items").GetArrayLength().Should().Be(0);
        await (await _api.Admin.GetAsync("/api/v1/events?after=abc")).ShouldBeProblem(HttpStatusCode.BadRequest, "cursor.invalid");
    }

    [SkippableFact]
    public async Task AuditTrail_RecordsWhoDidWhat_AndTheDatabaseRefusesToChangeIt()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate);

        var audit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={candidate}")).ShouldBeJson(HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("action").GetString()).Should().Equal("candidate.registered", "candidate.practice-recorded");
        entries.Should().OnlyContain(e => e.GetProperty("actor").GetProperty("name").GetString() == "bootstrap-admin"
            && e.GetProperty("actor").GetProperty("keyId").GetString() == "bootstrap"
            && e.GetProperty("actor").GetProperty("role").GetString() == "admin"
            && e.GetProperty("entityType").GetString() == "candidate");
        entries[1].GetProperty("data").GetProperty("hours").GetInt32().Should().Be(1_344);
        audit.GetRawText().Should().NotContain("1871014506900");

        var key = await _api.Post("/api/v1/api-keys", new { name = "Aplikasi PKH", role = "consumer" }, HttpStatusCode.Created);
        var keyAudit = await (await _api.Admin.GetAsync($"/api/v1/audit?entityId={key.GetProperty("id").GetGuid()}")).ShouldBeJson(HttpStatusCode.OK);
        keyAudit.GetProperty("items")[0].GetProperty("action").GetString().Should().Be("api-key.created");
        keyAudit.GetRawText().Should().NotContain(key.GetProperty("key").GetString()!, "the key itself is never recorded");

        using var consumer = _factory.CreateClientWithKey(key.GetProperty("key").GetString());
        await (await consumer.GetAsync("/api/v1/audit")).ShouldBeProblem(HttpStatusCode.Forbidden, "auth.forbidden");

        await using var connection = await OpenDatabase();
        foreach (var sql in new[] { "UPDATE audit_log SET action = 'tampered'", "DELETE FROM audit_log", "DELETE FROM events" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var act = async () => await command.ExecuteNonQueryAsync();
            (await act.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        }
    }

    [SkippableFact]
    public async Task ConcurrentDecisions_IssueUniqueAndGaplessSerials()
    {
        var assessor = await _api.RegisterAssessor("Bambang Sutrisno", "MET.7", "Universitas Lampung");
        using var assessorClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessor));
        var exams = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            exams.Add(await ExamReadyForDecision(assessor, assessorClient, i));
        }

        var decisions = await Task.WhenAll(exams.Select(async exam =>
        {
            using var client = _factory.CreateAdminClient();
            var response = await client.PostAsJsonAsync($"/api/v1/exams/{exam}/decision", new { decreeNumber = $"D-{exam:N}", panel = new[] { new { name = "Ketua Panel" } } });
            return await response.ShouldBeJson(HttpStatusCode.OK);
        }));

        var numbers = decisions.Select(d => d.GetProperty("results")[0].GetProperty("certificateNumber").GetString()!).ToList();
        numbers.Should().OnlyHaveUniqueItems();
        numbers.Select(n => int.Parse(n[9..15], System.Globalization.CultureInfo.InvariantCulture)).Order().Should().Equal(1, 2, 3, 4);
    }

    [SkippableFact]
    public async Task ConcurrentChangesToOneCandidate_NeverLoseAnUpdate()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            using var client = _factory.CreateAdminClient();
            return await client.PostAsJsonAsync($"/api/v1/candidates/{candidate}/practice-records", new
            {
                organisation = "LKS",
                role = $"Pekerja sosial {i}",
                startDate = "2025-01-01",
                endDate = "2025-06-30",
                hours = i * 10,
                pmksCategory = "kemiskinan",
            });
        }));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var acknowledged = 0;
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Created)
            {
                acknowledged += (i + 1) * 10;
            }
            else
            {
                await responses[i].ShouldBeProblem(HttpStatusCode.Conflict, "concurrency.conflict");
            }
        }

        var stored = await (await _api.Admin.GetAsync($"/api/v1/candidates/{candidate}")).ShouldBeJson(HttpStatusCode.OK);
        stored.GetProperty("practiceHours").GetInt32().Should().Be(acknowledged, "every acknowledged change is kept and no other");
    }

    [SkippableFact]
    public async Task EventsFeed_UnderConcurrentWriters_ANeverSkippingReader()
    {
        var seen = new ConcurrentDictionary<long, bool>();
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            using var client = _factory.CreateAdminClient();
            var after = "0";
            while (true)
            {
                var stop = done.IsCancellationRequested;
                var page = await (await client.GetAsync($"/api/v1/events?after={after}&limit=50")).ShouldBeJson(HttpStatusCode.OK);
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    seen[item.GetProperty("id").GetInt64()] = true;
                }

                after = page.GetProperty("nextCursor").GetString()!;
                if (stop && page.GetProperty("items").GetArrayLength() == 0)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async writer =>
        {
            using var client = _factory.CreateAdminClient();
            var driver = new ApiDriver(client);
            for (var i = 0; i < 15; i++)
            {
                await driver.RegisterCandidate(nik: $"1871014506{90 - writer:D2}{i + 1:D4}");
            }
        }));
        await done.CancelAsync();
        await reader;

        await using var connection = await OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM events ORDER BY id";
        var stored = new List<long>();
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                stored.Add(rows.GetInt64(0));
            }
        }

        stored.Should().HaveCount(90);
        seen.Keys.Order().Should().Equal(stored, "a reader following the cursor sees every committed event");
    }
}

public sealed class SqliteIntegrationApiTests() : IntegrationApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresIntegrationApiTests() : IntegrationApiTests(DatabaseProvider.Postgres);
