using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>At least <paramref name="Minimum"/> case records.</summary>
public sealed record CaseRecordCountRequirement(int Minimum) : IPortfolioRequirement
{
    public string Code => "portfolio.case-records";

    public string Description => $"at least {Minimum} case records";

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        var count = contents.CaseRecords.Count();
        if (count < Minimum)
        {
            yield return Error.Rule(Code, $"Needs at least {Minimum} case records; has {count}.");
        }
    }
}

/// <summary>Case records covering at least <paramref name="Minimum"/> distinct PMKS categories.</summary>
public sealed record CaseRecordCategoryCoverageRequirement(int Minimum) : IPortfolioRequirement
{
    public string Code => "portfolio.case-record-categories";

    public string Description => $"case records covering at least {Minimum} PMKS categories";

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        var covered = contents.CaseRecords.Select(e => e.PmksCategory).OfType<PmksCategory>().Distinct().Count();
        if (covered < Minimum)
        {
            yield return Error.Rule(Code, $"Case records must cover at least {Minimum} PMKS categories; they cover {covered}.");
        }
    }
}

/// <summary>At least <paramref name="Minimum"/> case record(s) covering all six helping stages.</summary>
public sealed record FullHelpingProcessRequirement(int Minimum) : IPortfolioRequirement
{
    public string Code => "portfolio.full-helping-process";

    public string Description => $"at least {Minimum} case record(s) covering all six helping stages";

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        var full = contents.CaseRecords.Count(e => e.CoversAllHelpingStages);
        if (full < Minimum)
        {
            yield return Error.Rule(Code, $"Needs at least {Minimum} case record(s) covering all six helping stages (engagement to termination); has {full}.");
        }
    }
}

/// <summary>At least <paramref name="Minimum"/> case records in the portfolio's specialisation category.</summary>
public sealed record SpecialisationCaseRecordsRequirement(int Minimum) : IPortfolioRequirement
{
    public string Code => "portfolio.specialisation-case-records";

    public string Description => $"at least {Minimum} case records in the specialisation category";

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        if (contents.Specialisation is null)
        {
            yield return Error.Rule("portfolio.specialisation-required", "A specialisation (PMKS category) must be chosen for this scheme.");
            yield break;
        }

        var count = contents.CaseRecords.Count(e => e.PmksCategory == contents.Specialisation);
        if (count < Minimum)
        {
            yield return Error.Rule(Code, $"Needs at least {Minimum} case records in '{contents.Specialisation.Code}'; has {count}.");
        }
    }
}

/// <summary>A document of the given kind is present.</summary>
public sealed record DocumentRequirement(EvidenceKind Kind) : IPortfolioRequirement
{
    public string Code => $"portfolio.missing-document.{Kind.Code}";

    public string Description => Kind.Name.ToLowerInvariant();

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        if (!contents.Evidence.Any(e => e.Kind == Kind))
        {
            yield return Error.Rule(Code, $"A {Kind.Name.ToLowerInvariant()} is missing.");
        }
    }
}

/// <summary>Every essay of the set is written, each at least its minimum words long.</summary>
public sealed record EssayRequirement(IReadOnlyList<EssaySpec> Essays) : IPortfolioRequirement
{
    public string Code => "portfolio.essays";

    public string Description => Essays.Select(e => e.MinimumWords).Distinct().Count() == 1
        ? $"essays {string.Join(", ", Essays.Select(e => e.Code))}, each at least {Essays[0].MinimumWords} words"
        : "essays " + string.Join(", ", Essays.Select(e => $"{e.Code} (at least {e.MinimumWords} words)"));

    public IEnumerable<Error> Check(PortfolioContents contents)
    {
        foreach (var spec in Essays)
        {
            var essay = contents.Essays.FirstOrDefault(e => e.Code == spec.Code);
            if (essay is null)
            {
                yield return Error.Rule("portfolio.essay-missing", $"Essay {spec.Code} ({spec.Title}) is missing.");
            }
            else if (essay.WordCount < spec.MinimumWords)
            {
                yield return Error.Rule("portfolio.essay-too-short", $"Essay {spec.Code} has {essay.WordCount} words; needs at least {spec.MinimumWords}.");
            }
        }
    }
}
