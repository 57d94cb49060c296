using System.Text.RegularExpressions;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>One piece of evidence in a portfolio. Case records carry a PMKS category, helping stages and a client type.</summary>
public sealed record Evidence(
    Guid Id,
    EvidenceKind Kind,
    string Title,
    string? Description,
    DateOnly? DocumentDate,
    PmksCategory? PmksCategory,
    IReadOnlyList<HelpingStage> HelpingStages,
    ClientType? ClientType)
{
    public bool CoversAllHelpingStages => HelpingStage.All.All(HelpingStages.Contains);
}

/// <summary>A self-description essay answering one competency unit.</summary>
public sealed partial record Essay(EssayCode Code, string Text)
{
    public int WordCount => Words().Count(Text);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Words();
}

/// <summary>What portfolio requirements look at: the evidence, the essays, the declared specialisation and the purpose (initial unless given).</summary>
public sealed record PortfolioContents(IReadOnlyList<Evidence> Evidence, IReadOnlyList<Essay> Essays, PmksCategory? Specialisation, PortfolioPurpose? OfPurpose = null)
{
    public PortfolioPurpose Purpose => OfPurpose ?? PortfolioPurpose.Initial;

    public IEnumerable<Evidence> CaseRecords => Evidence.Where(e => e.Kind == EvidenceKind.CaseRecord);
}
