using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Application.Reports;

/// <summary>
/// One counted key of the summary: the measure (<see cref="ReportMeasure"/>), its breakdown value, the province, and the
/// count. The breakdown of candidates and results is the candidate's profile, <c>employment-type:area,area</c>
/// (<see cref="IsEmployedAs"/>, <see cref="Covers"/>); of portfolios their status; of certificates their valid-until date.
/// </summary>
public sealed record ReportCount(string Measure, string Dim, string Province, int Count)
{
    public bool IsEmployedAs(string employmentType) =>
        Dim.Length > employmentType.Length && Dim[employmentType.Length] == ':' && Dim.StartsWith(employmentType, StringComparison.Ordinal);

    /// <summary>Whether the profile's practice areas include the PMKS category.</summary>
    public bool Covers(string category) => Dim[(Dim.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',').Contains(category, StringComparer.Ordinal);
}

public sealed record ReportFilter(string? ProvinceCode, int? Year, DateOnly Today);

/// <summary>The measures the database keeps counted as rows are written.</summary>
public static class ReportMeasure
{
    public const string Candidates = "candidates";
    public const string Portfolios = "portfolios";
    public const string Assessed = "assessed";
    public const string Competent = "k";
    public const string NotYetCompetent = "bk";
    public const string ActiveCertificates = "certificates.active";
}

/// <summary>The report's counts, kept by the database as rows are written: reading them never scans the registers.</summary>
public interface IReportQueries
{
    /// <summary>Every non-zero count for the filter; active certificates only those valid on <see cref="ReportFilter.Today"/>.</summary>
    Task<IReadOnlyList<ReportCount>> CountsAsync(ReportFilter filter, CancellationToken cancellationToken);
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
