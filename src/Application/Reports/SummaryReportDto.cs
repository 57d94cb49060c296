namespace Peksos.Clean.Application.Reports;

public sealed record PortfolioCountsDto(int Draft, int Submitted, int Accepted, int Returned, int Closed);

/// <summary>One slice of the summary (an employment type, a PMKS category or a province).</summary>
public sealed record BreakdownDto(string Key, string? Name, int Candidates, int ParticipantsAssessed, int Competent, int NotYetCompetent, decimal? PassRate, int ActiveCertificates);

public sealed record SummaryReportDto(
    string? ProvinceCode,
    int? Year,
    int Candidates,
    PortfolioCountsDto Portfolios,
    int ParticipantsAssessed,
    int Competent,
    int NotYetCompetent,
    decimal? PassRate,
    int ActiveCertificates,
    IReadOnlyList<BreakdownDto> ByEmploymentType,
    IReadOnlyList<BreakdownDto> ByPmksCategory,
    IReadOnlyList<BreakdownDto> ByProvince);
