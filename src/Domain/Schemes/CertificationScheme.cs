using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>
/// One version of a certification scheme, as data: eligibility routes, portfolio requirements (essays among them),
/// the recommendation policy, validity, appeal window, assessor load, renewal and prefix. Its rules are built from
/// registered rule types (<see cref="RuleTypeRegistry"/>; docs/extending-rules.md). A published version never changes.
/// </summary>
public sealed record CertificationScheme
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Asisten, Generalis or Spesialis.</summary>
    public required string Level { get; init; }

    /// <summary>Three capital letters that start its certificate numbers, e.g. <c>PSG</c>; the same in every version.</summary>
    public required string CertificatePrefix { get; init; }

    /// <summary>1 for the first version; a portfolio is pinned to the version current when it was opened.</summary>
    public int Version { get; init; } = 1;

    /// <summary>From when the version applies to newly opened portfolios.</summary>
    public DateTimeOffset EffectiveFrom { get; init; } = DateTimeOffset.UnixEpoch;

    public required IReadOnlyList<EligibilityRoute> EligibilityRoutes { get; init; }

    public required IReadOnlyList<IPortfolioRequirement> PortfolioRequirements { get; init; }

    /// <summary>How an assessment sheet becomes a recommendation (the pass marks are its parameters).</summary>
    public required IRecommendationPolicy Recommendation { get; init; }

    public required int ValidityYears { get; init; }

    public required int AppealWindowDays { get; init; }

    /// <summary>The most participants one assessor may assess in one exam (<c>assessorLoadCap</c>).</summary>
    public int MaxParticipantsPerAssessor { get; init; } = 10;

    /// <summary>Whether a portfolio for this scheme declares a specialisation category.</summary>
    public bool RequiresSpecialisation { get; init; }

    /// <summary>How a holder renews: the window, the renewal route and the lighter requirements.</summary>
    public RenewalRules Renewal { get; init; } = new();

    /// <summary>The essays of an initial portfolio: those of its essay requirement(s).</summary>
    public IReadOnlyList<EssaySpec> Essays => EssaysOf(PortfolioRequirements);

    public IReadOnlyList<EssayCode> EssayCodes => EssayCodesFor(PortfolioPurpose.Initial);

    /// <summary>The smallest minimum word count of the initial essays (0 when there are none).</summary>
    public int EssayMinimumWords => Essays.Count == 0 ? 0 : Essays.Min(e => e.MinimumWords);

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
    public IReadOnlyList<EssayCode> EssayCodesFor(PortfolioPurpose purpose) => EssaysOf(RequirementsFor(purpose)).Select(e => e.Code).ToList();

    private static List<EssaySpec> EssaysOf(IEnumerable<IPortfolioRequirement> requirements) =>
        requirements.OfType<EssayRequirement>().SelectMany(r => r.Essays).ToList();

    public override string ToString() => $"{Code} v{Version}";
}

/// <summary>
/// The three schemes of the domain as version 1 (all numbers are defaults). The database is seeded with the same
/// (migration 0016, checked against these by a test); the running system reads its schemes from there.
/// </summary>
public static class SchemeCatalog
{
    /// <summary>Essays on knowledge (K), skills (S) and values (V), 50 words at least each.</summary>
    public static IReadOnlyList<EssaySpec> StandardEssays(int knowledge, int skills, int values) =>
        EssayCode.Range(knowledge, skills, values).Select(code => new EssaySpec(code, EssayTitle(code), 50)).ToList();

    private static string EssayTitle(EssayCode code) => code.Value[0] switch
    {
        'K' => $"Pengetahuan {code.Value[1]}",
        'S' => $"Keterampilan {code.Value[1]}",
        _ => $"Nilai {code.Value[1]}",
    };

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
            new EssayRequirement(StandardEssays(5, 6, 3)),
        ],
        Recommendation = new StandardRecommendationPolicy(60),
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
            new EssayRequirement(StandardEssays(5, 6, 3)),
        ],
        Recommendation = new StandardRecommendationPolicy(70),
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
            new EssayRequirement(StandardEssays(3, 3, 2)),
        ],
        Recommendation = new StandardRecommendationPolicy(60),
        ValidityYears = 5,
        AppealWindowDays = 14,
    };

    public static IReadOnlyList<CertificationScheme> All { get; } = [PeksosGeneralis, PeksosSpesialis, TksGeneralis];

    public static Result<CertificationScheme> Find(string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal)) is { } scheme
            ? scheme
            : Error.NotFound("scheme.not-found", "There is no certification scheme with that code.");
}
