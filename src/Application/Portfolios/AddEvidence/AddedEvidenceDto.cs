namespace Peksos.Clean.Application.Portfolios.AddEvidence;

/// <summary>The new evidence item, with the portfolio it now sits in.</summary>
public sealed record AddedEvidenceDto(EvidenceDto Evidence, PortfolioDto Portfolio);
