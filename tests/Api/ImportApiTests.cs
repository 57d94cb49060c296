using System.Net;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;

using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>Roster import over HTTP on each engine: a 10,000-row file with broken rows of every kind, imported twice.</summary>
public abstract class ImportApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _admin = _factory.CreateAdminClient();
        _admin.Timeout = TimeSpan.FromMinutes(5);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpResponseMessage> Import(string csv, string contentType = "text/csv", bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await _admin.PostAsync("/api/v1/candidates/import", content);
    }

    [SkippableFact]
    public async Task TenThousandRows_ImportsTheValid_ReportsEveryBrokenLine_AndAReimportAddsNobody()
    {
        var (csv, valid, duplicates, expectedRejected) = RosterFile.Generate(10_000);

        var report = await (await Import(csv)).ShouldBeJson(HttpStatusCode.OK);

        report.GetProperty("imported").GetInt32().Should().Be(valid);
        report.GetProperty("skippedDuplicates").GetInt32().Should().Be(duplicates);
        var rejected = report.GetProperty("rejected").EnumerateArray().ToDictionary(
            r => r.GetProperty("line").GetInt32(),
            r => r.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList());
        rejected.Keys.Should().BeEquivalentTo(expectedRejected.Keys);
        foreach (var (line, code) in expectedRejected)
        {
            rejected[line].Should().Contain(code, $"line {line}");
        }

        var again = await (await Import(csv)).ShouldBeJson(HttpStatusCode.OK);
        again.GetProperty("imported").GetInt32().Should().Be(0);
        again.GetProperty("skippedDuplicates").GetInt32().Should().Be(valid + duplicates);
        again.GetProperty("rejected").GetArrayLength().Should().Be(expectedRejected.Count);

        var events = await (await _admin.GetAsync("/api/v1/events?limit=1")).ShouldBeJson(HttpStatusCode.OK);
        events.GetProperty("items")[0].GetProperty("type").GetString().Should().Be("candidate.registered");
    }

    [SkippableFact]
    public async Task AnImport_IsAuditedAsAWhole_WithWhoAndItsCounts()
    {
        var broken = RosterFile.ValidRow(3);
        broken[0] = "123"; // not a NIK
        var rows = new[] { RosterFile.ValidRow(1), RosterFile.ValidRow(2), broken, RosterFile.ValidRow(1) };
        var csv = RosterFile.Header + "\r\n" + string.Join("\r\n", rows.Select(r => RosterFile.Line(r, ','))) + "\r\n";

        (await (await Import(csv)).ShouldBeJson(HttpStatusCode.OK)).GetProperty("imported").GetInt32().Should().Be(2);

        var audit = await (await _admin.GetAsync("/api/v1/audit?limit=100")).ShouldBeJson(HttpStatusCode.OK);
        var entry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "candidates.imported");
        entry.GetProperty("entityType").GetString().Should().Be("roster-import");
        entry.GetProperty("actor").GetProperty("role").GetString().Should().Be("admin");
        var data = entry.GetProperty("data");
        (data.GetProperty("rows").GetInt32(), data.GetProperty("imported").GetInt32(), data.GetProperty("skippedDuplicates").GetInt32(),
            data.GetProperty("rejected").GetInt32()).Should().Be((4, 2, 1, 1));
    }

    [SkippableFact]
    public async Task SemicolonSeparatedWithBom_AndQuotedFields_AreRead()
    {
        var rows = new[] { RosterFile.ValidRow(1), RosterFile.ValidRow(2) };
        var csv = RosterFile.Header.Replace(',', ';') + "\r\n" + string.Join("\r\n", rows.Select(r => RosterFile.Line(r, ';'))) + "\r\n";

        var report = await (await Import(csv, bom: true)).ShouldBeJson(HttpStatusCode.OK);

        report.GetProperty("imported").GetInt32().Should().Be(2, report.GetRawText());
        var page = await (await _admin.GetAsync("/api/v1/candidates?q=peserta")).ShouldBeJson(HttpStatusCode.OK);
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("organisation").GetString())
            .Should().Contain("LKS \"Harapan\", Metro");
    }

    [SkippableFact]
    public async Task MultilineQuotedCell_KeepsLineNumbersOfTheFile()
    {
        var first = RosterFile.ValidRow(1);
        first[9] = "LKS Harapan\nCabang Metro"; // a quoted cell spanning two lines
        var second = RosterFile.ValidRow(2);
        second[3] = "X";
        var csv = $"{RosterFile.Header}\n{RosterFile.Line(first)}\n{RosterFile.Line(second)}\n";

        var report = await (await Import(csv)).ShouldBeJson(HttpStatusCode.OK);

        // The first row spans lines 2–3 (and is refused: a line break is a control character in an organisation name);
        // the second row is on line 4.
        report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).Should().Equal(2, 4);
        report.GetProperty("rejected")[0].GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("organisation");
    }

    [SkippableFact]
    public async Task BadHeader_Is400NamingTheMissingColumns()
    {
        var problem = await (await Import("nik,fullName,birthDate\n1871014506900003,Siti,1990-06-05\n")).ShouldBeProblem(HttpStatusCode.BadRequest, "import.header-invalid");

        problem.GetProperty("detail").GetString().Should().Contain("sex").And.Contain("practiceAreas");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(["sex", "email", "practiceAreas"]);
    }

    [SkippableFact]
    public async Task WrongContentType_Is415()
    {
        (await Import(RosterFile.Header + "\n", contentType: "application/json")).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }
}

public sealed class SqliteImportApiTests() : ImportApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportApiTests() : ImportApiTests(DatabaseProvider.Postgres);
