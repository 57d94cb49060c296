using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>The BNSP participant list of a decided exam, opened as a workbook: a row per decided participant, the NIK as text, the birth date as a date; every export audited.</summary>
public abstract class BnspReportApiTests(DatabaseProvider provider) : IAsyncLifetime
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

    [SkippableFact]
    public async Task TheWorkbook_ListsEachDecidedParticipant_WithTheNikAsTextAndTheBirthDateAsADate()
    {
        var niks = new List<string>();
        var portfolios = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var nik = _api.NextNik();
            niks.Add(nik);
            var candidate = (await _api.RegisterCandidate(nik: nik)).GetProperty("id").GetGuid();
            await _api.RecordPractice(candidate);
            var portfolio = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();
            await _api.CompleteGeneralis(portfolio);
            await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
            await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
            portfolios.Add(portfolio);
        }

        var assessorId = await _api.RegisterAssessor("Bambang Sutrisno", "MET.B.0001", "Universitas Lampung");
        using var assessor = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessorId));
        var exam = await _api.PlanExam(3, assessorId);
        var participants = new List<Guid>();
        foreach (var portfolio in portfolios)
        {
            participants.Add((await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId }, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await (await _api.Admin.GetAsync($"/api/v1/exams/{exam}/bnsp-report.xlsx")).ShouldBeProblem(HttpStatusCode.Conflict, "exam.not-decided");
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessor);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[0]}/assessment", await _api.PassingSheet(portfolios[0]), HttpStatusCode.OK, assessor);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[1]}/assessment", await _api.PassingSheet(portfolios[1], written: 30), HttpStatusCode.OK, assessor);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[2]}/absence", new { note = "Tidak hadir." }, HttpStatusCode.OK);
        var decision = await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-12/LSP/2026", panel = new[] { new { name = "Drs. Hartono" } } }, HttpStatusCode.OK);
        var certificate = decision.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("participantId").GetGuid() == participants[0])
            .GetProperty("certificateNumber").GetString()!;

        using var response = await _api.Admin.GetAsync($"/api/v1/exams/{exam}/bnsp-report.xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

        rows.Should().HaveCount(3, "a header and the two decided participants; the absent one is not listed");
        rows[0].Select(Text).Should().Equal("No", "NIK", "Nama Lengkap", "Jenis Kelamin", "Tanggal Lahir", "Pendidikan", "Instansi", "Provinsi", "Skema", "Rekomendasi",
            "Nomor Sertifikat", "Nomor SK");
        var k = rows[1];
        k[1].DataType!.Value.Should().Be(CellValues.InlineString, "a NIK is text, never a number that loses its leading digits");
        Text(k[1]).Should().Be(niks[0]);
        Text(k[3]).Should().Be("P");
        k[4].StyleIndex!.Value.Should().Be(1u, "the birth date is a date cell");
        DateTime.FromOADate(double.Parse(k[4].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new DateTime(1990, 6, 5));
        (Text(k[5]), Text(k[7]), Text(k[8]), Text(k[9]), Text(k[10]), Text(k[11]))
            .Should().Be(("S1 kesejahteraan-sosial", "Lampung", "Pekerja Sosial Generalis", "K", certificate, "SK-12/LSP/2026"));
        (Text(rows[2][1]), Text(rows[2][9]), Text(rows[2][10])).Should().Be((niks[1], "BK", ""));

        var audit = (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityId={exam}")).GetRawText();
        audit.Should().Contain("exam.bnsp-report-exported").And.NotContain(niks[0], "the audit says that it was exported, not what");
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}

public sealed class SqliteBnspReportApiTests() : BnspReportApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresBnspReportApiTests() : BnspReportApiTests(DatabaseProvider.Postgres);
