using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Reports;
using Peksos.Clean.Application.Reports.ExportCertificates;
using Peksos.Clean.Application.Reports.GetSummaryReport;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Api.Endpoints;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.AdminOrConsumer);

        group.MapGet("/summary", async Task<Results<Ok<SummaryReportDto>, ProblemHttpResult>> (string? provinceCode, int? year, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetSummaryReport(provinceCode, year), ct)).ToOk())
            .WithName("GetSummaryReport")
            .WithSummary("Candidates, portfolios by status, participants assessed, K, BK, pass rate and active certificates, by employment type, PMKS category and province.");

        group.MapGet("/certificates.csv", async (HttpContext http, ISender sender, ISchemeCatalog schemes, TimeProvider clock, CancellationToken ct) =>
            {
                var today = clock.Today();
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"sertifikat.csv\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
                await writer.WriteAsync("number,holderName,schemeCode,schemeName,provinceCode,province,regionCode,issuedOn,validUntil,status\r\n");
                await foreach (var row in sender.CreateStream(new ExportCertificates(), ct))
                {
                    var province = row.RegionCode[..2];
                    await writer.WriteAsync(string.Join(',', new[]
                    {
                        row.Number, row.HolderName, row.SchemeCode, schemes.NameOf(row.SchemeCode, clock.GetUtcNow()), province, Regions.FindProvince(province)?.Name,
                        row.RegionCode, row.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        row.StatusOn(today).Code,
                    }.Select(Csv.Cell)) + "\r\n");
                }
            })
            .WithName("ExportCertificatesCsv")
            .WithSummary("Every certificate as CSV (UTF-8 with BOM, formula-injection safe, streamed); never a NIK.")
            .Produces(200, contentType: "text/csv");

        return routes;
    }
}
