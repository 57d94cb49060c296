using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Application.Reports;

/// <summary>Counts grouped in SQL by employment type and province (and PMKS category where it applies).</summary>
public sealed record CountRow(string EmploymentType, string Province, int Count);

public sealed record ResultRow(string EmploymentType, string Province, int Assessed, int Competent, int NotYetCompetent);

public sealed record CategoryRow(string Category, int Candidates, int Assessed, int Competent, int NotYetCompetent);

public sealed record ReportFilter(string? ProvinceCode, int? Year, DateOnly Today);

/// <summary>The report's raw counts, every one computed by the database (no rows are loaded to count them).</summary>
public interface IReportQueries
{
    Task<IReadOnlyList<CountRow>> CandidatesAsync(ReportFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, int>> PortfoliosByStatusAsync(ReportFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<ResultRow>> ResultsAsync(ReportFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<CategoryRow>> ByCategoryAsync(ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Active, unexpired certificates by province (of the holder's employment region at issue).</summary>
    Task<IReadOnlyDictionary<string, int>> ActiveCertificatesAsync(ReportFilter filter, CancellationToken cancellationToken);
}

/// <summary>One line of the certificates export. Never a NIK.</summary>
public sealed record CertificateExportRow(string Number, string HolderName, string SchemeCode, string RegionCode, DateOnly IssuedOn, DateOnly ValidUntil,
    CertificateStatus Status)
{
    public CertificateStatus StatusOn(DateOnly today) => CertificateStatus.On(Status, ValidUntil, today);
}

public interface ICertificateExport
{
    /// <summary>Every certificate, streamed from the database in number order (never all in memory).</summary>
    IAsyncEnumerable<CertificateExportRow> ReadAllAsync(CancellationToken cancellationToken);
}
