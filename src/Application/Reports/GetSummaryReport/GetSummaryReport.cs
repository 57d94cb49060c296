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
        var tally = new Tally(await queries.CountsAsync(new ReportFilter(query.ProvinceCode, query.Year, clock.Today()), cancellationToken));
        var byEmployment = Domain.Candidates.EmploymentType.All.Select(t => tally.Slice(t.Code, null, c => c.IsEmployedAs(t.Code), withCertificates: false)).ToList();
        var byCategory = PmksCategory.All.Select(k => tally.Slice(k.Code, k.Name, c => c.Covers(k.Code), withCertificates: false)).ToList();
        var byProvince = tally.Provinces().Select(p => tally.Slice(p, Regions.FindProvince(p)?.Name, c => c.Province == p, withCertificates: true)).ToList();

        int Status(string s) => tally.Sum(ReportMeasure.Portfolios, c => c.Dim == s);
        var all = tally.Slice(query.ProvinceCode ?? "", null, _ => true, withCertificates: true);
        return new SummaryReportDto(query.ProvinceCode, query.Year, all.Candidates,
            new PortfolioCountsDto(Status("draft"), Status("submitted"), Status("accepted"), Status("returned"), Status("closed")),
            all.ParticipantsAssessed, all.Competent, all.NotYetCompetent, all.PassRate, all.ActiveCertificates, byEmployment, byCategory, byProvince);
    }

    private sealed class Tally(IReadOnlyList<ReportCount> counts)
    {
        public int Sum(string measure, Func<ReportCount, bool> where) => counts.Where(c => c.Measure == measure && where(c)).Sum(c => c.Count);

        /// <summary>Provinces with candidates, results or active certificates, in code order.</summary>
        public IEnumerable<string> Provinces() => counts
            .Where(c => c.Measure is ReportMeasure.Candidates or ReportMeasure.Assessed or ReportMeasure.ActiveCertificates)
            .Select(c => c.Province).Distinct().Order(StringComparer.Ordinal);

        /// <param name="key">The slice's key.</param>
        /// <param name="name">Its display name, if any.</param>
        /// <param name="of">Which candidate and result counts belong to the slice.</param>
        /// <param name="withCertificates">Whether the slice counts certificates (by province only: a certificate has no profile).</param>
        public BreakdownDto Slice(string key, string? name, Func<ReportCount, bool> of, bool withCertificates)
        {
            var k = Sum(ReportMeasure.Competent, of);
            var bk = Sum(ReportMeasure.NotYetCompetent, of);
            return new BreakdownDto(key, name, Sum(ReportMeasure.Candidates, of), Sum(ReportMeasure.Assessed, of), k, bk, Rate(k, bk),
                withCertificates ? Sum(ReportMeasure.ActiveCertificates, of) : 0);
        }
    }

    /// <summary>K as a share of decided results (0–1, four decimals); null when nobody has a result yet.</summary>
    private static decimal? Rate(int k, int bk) => k + bk == 0 ? null : Math.Round((decimal)k / (k + bk), 4);
}
