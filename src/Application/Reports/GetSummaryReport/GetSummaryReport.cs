using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Reports.GetSummaryReport;

/// <summary>Numbers for province heads: candidates, portfolios by status, assessed, K, BK, pass rate, active certificates.</summary>
public sealed record GetSummaryReport(string? ProvinceCode, int? Year) : IQuery<Result<SummaryReportDto>>;

public sealed class GetSummaryReportValidator : IValidator<GetSummaryReport>
{
    public IReadOnlyList<Error> Validate(GetSummaryReport m)
    {
        var errors = new ErrorCollector();
        if (m.ProvinceCode is not null && Regions.FindProvince(m.ProvinceCode) is null)
        {
            errors.Add(Error.Validation("province.invalid", "provinceCode is one of the 38 two-digit province codes."), "provinceCode");
        }

        if (m.Year is < 2000 or > 2100)
        {
            errors.Add(Error.Validation("year.invalid", "year is 2000–2100."), "year");
        }

        return errors.Errors;
    }
}

public sealed class GetSummaryReportHandler(IReportQueries queries, TimeProvider clock) : IQueryHandler<GetSummaryReport, Result<SummaryReportDto>>
{
    public async ValueTask<Result<SummaryReportDto>> Handle(GetSummaryReport query, CancellationToken cancellationToken)
    {
        var filter = new ReportFilter(query.ProvinceCode, query.Year, clock.Today());
        var candidates = await queries.CandidatesAsync(filter, cancellationToken);
        var portfolios = await queries.PortfoliosByStatusAsync(filter, cancellationToken);
        var results = await queries.ResultsAsync(filter, cancellationToken);
        var categories = await queries.ByCategoryAsync(filter, cancellationToken);
        var certificates = await queries.ActiveCertificatesAsync(filter, cancellationToken);

        int Status(string s) => portfolios.GetValueOrDefault(s);
        var assessed = results.Sum(r => r.Assessed);
        var k = results.Sum(r => r.Competent);
        var bk = results.Sum(r => r.NotYetCompetent);

        var byEmployment = Domain.Candidates.EmploymentType.All.Select(t => Slice(t.Code, null,
            candidates.Where(c => c.EmploymentType == t.Code).Sum(c => c.Count), results.Where(r => r.EmploymentType == t.Code).ToList(), 0)).ToList();
        var byCategory = PmksCategory.All.Select(c => categories.FirstOrDefault(r => r.Category == c.Code) is { } row
            ? new BreakdownDto(c.Code, c.Name, row.Candidates, row.Assessed, row.Competent, row.NotYetCompetent, Rate(row.Competent, row.NotYetCompetent), 0)
            : new BreakdownDto(c.Code, c.Name, 0, 0, 0, 0, null, 0)).ToList();
        var provinces = candidates.Select(c => c.Province).Concat(results.Select(r => r.Province)).Concat(certificates.Keys).Distinct().Order(StringComparer.Ordinal);
        var byProvince = provinces.Select(p => Slice(p, Regions.FindProvince(p)?.Name, candidates.Where(c => c.Province == p).Sum(c => c.Count),
            results.Where(r => r.Province == p).ToList(), certificates.GetValueOrDefault(p))).ToList();

        return new SummaryReportDto(query.ProvinceCode, query.Year, candidates.Sum(c => c.Count),
            new PortfolioCountsDto(Status("draft"), Status("submitted"), Status("accepted"), Status("returned"), Status("closed")),
            assessed, k, bk, Rate(k, bk), certificates.Values.Sum(), byEmployment, byCategory, byProvince);
    }

    private static BreakdownDto Slice(string key, string? name, int candidates, IReadOnlyList<ResultRow> results, int certificates)
    {
        var k = results.Sum(r => r.Competent);
        var bk = results.Sum(r => r.NotYetCompetent);
        return new BreakdownDto(key, name, candidates, results.Sum(r => r.Assessed), k, bk, Rate(k, bk), certificates);
    }

    /// <summary>K as a share of decided results (0–1, four decimals); null when nobody has a result yet.</summary>
    private static decimal? Rate(int k, int bk) => k + bk == 0 ? null : Math.Round((decimal)k / (k + bk), 4);
}
