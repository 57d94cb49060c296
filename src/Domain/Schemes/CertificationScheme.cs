using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>
/// A certification scheme as data: eligibility routes, portfolio requirements, essays, pass marks, validity, appeal
/// window and prefix; rules are small classes added without touching an aggregate (docs/extending-rules.md).
/// </summary>
public sealed record CertificationScheme
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Asisten, Generalis or Spesialis.</summary>
    public required string Level { get; init; }

    /// <summary>Three capital letters that start its certificate numbers, e.g. <c>PSG</c>.</summary>
    public required string CertificatePrefix { get; init; }

    public required IReadOnlyList<EligibilityRoute> EligibilityRoutes { get; init; }

    public required IReadOnlyList<IPortfolioRequirement> PortfolioRequirements { get; init; }

    public required IReadOnlyList<EssayCode> EssayCodes { get; init; }

    public required int EssayMinimumWords { get; init; }

    /// <summary>Written test pass mark out of 100.</summary>
    public required int WrittenPassMark { get; init; }

    /// <summary>The average essay score a K needs (1–5 scale).</summary>
    public decimal EssayAveragePassScore { get; init; } = 3.0m;

    /// <summary>No essay may score below this for a K.</summary>
    public int EssayMinimumScore { get; init; } = 2;

    public required int ValidityYears { get; init; }

    public required int AppealWindowDays { get; init; }

    /// <summary>The most participants one assessor may assess in one exam.</summary>
    public int MaxParticipantsPerAssessor { get; init; } = 10;

    /// <summary>Whether a portfolio for this scheme declares a specialisation category.</summary>
    public bool RequiresSpecialisation { get; init; }

    /// <summary>How a holder renews: the window, the renewal route and the lighter requirements.</summary>
    public RenewalRules Renewal { get; init; } = new();

    /// <summary>
    /// Empty when at least one route is fully met; otherwise every unmet rule of every route. A renewal
    /// (<see cref="EligibilityContext.Renewing"/>) has the renewal route only.
    /// </summary>
    public IReadOnlyList<Error> UnmetEligibility(EligibilityContext context)
    {
        if (context.Renewing is not null)
        {
            return Renewal.Route.Unmet(context);
        }

        var perRoute = EligibilityRoutes.Select(r => r.Unmet(context)).ToList();
        return perRoute.Any(u => u.Count == 0) ? [] : perRoute.SelectMany(u => u).ToList();
    }

    /// <summary>Every unmet portfolio requirement of the portfolio's purpose, all at once.</summary>
    public IReadOnlyList<Error> UnmetRequirements(PortfolioContents contents) =>
        RequirementsFor(contents.Purpose).SelectMany(r => r.Check(contents)).ToList();

    public IReadOnlyList<IPortfolioRequirement> RequirementsFor(PortfolioPurpose purpose) =>
        purpose == PortfolioPurpose.Renewal ? Renewal.Requirements : PortfolioRequirements;

    /// <summary>The essays a portfolio of <paramref name="purpose"/> answers (a renewal has its own, by default none).</summary>
    public IReadOnlyList<EssayCode> EssayCodesFor(PortfolioPurpose purpose) =>
        purpose == PortfolioPurpose.Renewal ? Renewal.EssayCodes : EssayCodes;

    public override string ToString() => Code;
}

/// <summary>The schemes the LSP runs, seeded with the three of the domain (all numbers are defaults).</summary>
public static class SchemeCatalog
{
    public static CertificationScheme PeksosGeneralis { get; } = new()
    {
        Code = "PEKSOS-GENERALIS",
        Name = "Pekerja Sosial Generalis",
        Level = "Generalis",
        CertificatePrefix = "PSG",
        EligibilityRoutes =
        [
            new(1, [new MinimumEducationRule(EducationLevel.D4, SocialWorkFieldOnly: true), new MinimumPracticeHoursRule(1_344)]),
            new(2, [new MinimumEducationRule(EducationLevel.D4), new MinimumPracticeHoursRule(2_688), new MinimumTrainingHoursRule(60)]),
        ],
        PortfolioRequirements =
        [
            new CaseRecordCountRequirement(3),
            new CaseRecordCategoryCoverageRequirement(2),
            new FullHelpingProcessRequirement(1),
            new DocumentRequirement(EvidenceKind.WorkExperienceLetter),
            new DocumentRequirement(EvidenceKind.OrganisationRecommendation),
            new DocumentRequirement(EvidenceKind.Diploma),
            new EssayRequirement(EssayCode.Range(5, 6, 3), 50),
        ],
        EssayCodes = EssayCode.Range(5, 6, 3),
        EssayMinimumWords = 50,
        WrittenPassMark = 60,
        ValidityYears = 5,
        AppealWindowDays = 14,
    };

    public static CertificationScheme PeksosSpesialis { get; } = new()
    {
        Code = "PEKSOS-SPESIALIS",
        Name = "Pekerja Sosial Spesialis",
        Level = "Spesialis",
        CertificatePrefix = "PSS",
        EligibilityRoutes =
        [
            new(1,
            [
                new HoldsValidCertificateRule("PEKSOS-GENERALIS"),
                new AnyOfRule("eligibility.spesialis-depth", [new MinimumEducationRule(EducationLevel.S2), new MinimumPracticeHoursRule(2_688)]),
            ]),
        ],
        PortfolioRequirements =
        [
            new SpecialisationCaseRecordsRequirement(5),
            new DocumentRequirement(EvidenceKind.WorkExperienceLetter),
            new DocumentRequirement(EvidenceKind.Diploma),
            new EssayRequirement(EssayCode.Range(5, 6, 3), 50),
        ],
        EssayCodes = EssayCode.Range(5, 6, 3),
        EssayMinimumWords = 50,
        WrittenPassMark = 70,
        ValidityYears = 5,
        AppealWindowDays = 14,
        RequiresSpecialisation = true,
    };

    public static CertificationScheme TksGeneralis { get; } = new()
    {
        Code = "TKS-GENERALIS",
        Name = "Tenaga Kesejahteraan Sosial Generalis",
        Level = "Generalis",
        CertificatePrefix = "TKG",
        EligibilityRoutes =
        [
            new(1, [new MinimumEducationRule(EducationLevel.Sma), new MinimumPracticeHoursRule(4_032), new MinimumTrainingHoursRule(160)]),
        ],
        PortfolioRequirements =
        [
            new CaseRecordCountRequirement(2),
            new DocumentRequirement(EvidenceKind.WorkExperienceLetter),
            new DocumentRequirement(EvidenceKind.TrainingCertificate),
            new EssayRequirement(EssayCode.Range(3, 3, 2), 50),
        ],
        EssayCodes = EssayCode.Range(3, 3, 2),
        EssayMinimumWords = 50,
        WrittenPassMark = 60,
        ValidityYears = 5,
        AppealWindowDays = 14,
    };

    public static IReadOnlyList<CertificationScheme> All { get; } = [PeksosGeneralis, PeksosSpesialis, TksGeneralis];

    public static Result<CertificationScheme> Find(string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal)) is { } scheme
            ? scheme
            : Error.NotFound("scheme.not-found", "There is no certification scheme with that code.");
}
