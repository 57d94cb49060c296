using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Exams;

/// <summary>
/// A K result from a plenary decision or an upheld appeal: the only thing a certificate can be issued from.
/// Only <see cref="CompetencyExam"/> creates one.
/// </summary>
public sealed record CompetentResult
{
    internal CompetentResult(ExamId examId, Guid participantId, CandidateId candidateId, PortfolioId portfolioId, string schemeCode, int schemeVersion, string source)
    {
        SchemeVersion = schemeVersion;
        ExamId = examId;
        ParticipantId = participantId;
        CandidateId = candidateId;
        PortfolioId = portfolioId;
        SchemeCode = schemeCode;
        Source = source;
    }

    public ExamId ExamId { get; }

    public Guid ParticipantId { get; }

    public CandidateId CandidateId { get; }

    public PortfolioId PortfolioId { get; }

    public string SchemeCode { get; }

    /// <summary>The version of the scheme the portfolio was pinned to: its validity applies to the certificate.</summary>
    public int SchemeVersion { get; }

    /// <summary>Where the K came from, e.g. "plenary decision 12/LSP/2026" or "appeal upheld".</summary>
    public string Source { get; }
}
