using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>What a rule type builds: an eligibility rule, a portfolio requirement or a recommendation policy.</summary>
public enum RuleKind
{
    Eligibility,
    PortfolioRequirement,
    RecommendationPolicy,
}

/// <summary>The JSON type of a rule parameter: a whole number, a decimal, a flag, a code from a list, nested eligibility rules, or essays.</summary>
public enum ParameterType
{
    WholeNumber,
    Number,
    Boolean,
    Code,
    Rules,
    Essays,
}

/// <summary>One parameter of a rule type, with its limits; defined once, checked for every version that uses it.</summary>
public sealed record RuleParameter(string Name, ParameterType Type, string Description, decimal? Minimum = null, decimal? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null, object? Default = null)
{
    public bool IsOptional => Default is not null;

    public static RuleParameter WholeNumber(string name, string description, int minimum = 0, int? maximum = null) =>
        new(name, ParameterType.WholeNumber, description, minimum, maximum);

    public static RuleParameter Number(string name, string description, decimal minimum, decimal maximum, decimal? @default = null) =>
        new(name, ParameterType.Number, description, minimum, maximum, Default: @default);

    public static RuleParameter Flag(string name, string description, bool @default) => new(name, ParameterType.Boolean, description, Default: @default);

    public static RuleParameter Codes<T>(string name, string description, IEnumerable<T> codes)
        where T : ICoded => new(name, ParameterType.Code, description, AllowedValues: codes.Select(c => c.Code).ToList());
}

/// <summary>An essay of a scheme: its code, its title and how long it must be — in one place.</summary>
public sealed record EssaySpec(EssayCode Code, string Title, int MinimumWords);

/// <summary>A rule type's arguments once checked against its parameters: every value present (defaults filled in) and of its type.</summary>
public sealed class RuleArguments(IReadOnlyDictionary<string, object> values)
{
    public int WholeNumber(string name) => (int)values[name];

    public decimal Number(string name) => (decimal)values[name];

    public bool Flag(string name) => (bool)values[name];

    public string Code(string name) => (string)values[name];

    public IReadOnlyList<IEligibilityRule> Rules(string name) => (IReadOnlyList<IEligibilityRule>)values[name];

    public IReadOnlyList<EssaySpec> Essays(string name) => (IReadOnlyList<EssaySpec>)values[name];
}

/// <summary>
/// A kind of rule an LSP can put in a scheme version: a stable code, a description, its parameters, and how it is built
/// from them. Developers register one per rule class (<see cref="RuleTypeRegistry"/>); docs/extending-rules.md.
/// </summary>
public sealed record RuleType(string Code, RuleKind Kind, string Description, IReadOnlyList<RuleParameter> Parameters, Func<RuleArguments, object> Build)
{
    public static RuleType Eligibility(string code, string description, IReadOnlyList<RuleParameter> parameters, Func<RuleArguments, IEligibilityRule> build) =>
        new(code, RuleKind.Eligibility, description, parameters, build);

    public static RuleType Requirement(string code, string description, IReadOnlyList<RuleParameter> parameters, Func<RuleArguments, IPortfolioRequirement> build) =>
        new(code, RuleKind.PortfolioRequirement, description, parameters, build);

    public static RuleType Policy(string code, string description, IReadOnlyList<RuleParameter> parameters, Func<RuleArguments, IRecommendationPolicy> build) =>
        new(code, RuleKind.RecommendationPolicy, description, parameters, build);
}

/// <summary>The rule types a scheme version may use: the built-in ones, and any a deployment registers at start-up.</summary>
public sealed class RuleTypeRegistry
{
    private readonly Dictionary<string, RuleType> _types = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RuleType> All => _types.Values;

    public RuleType? Find(string? code) => code is not null && _types.TryGetValue(code, out var type) ? type : null;

    /// <summary>Adds a rule type; a code is registered once.</summary>
    public RuleTypeRegistry Add(RuleType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.TryAdd(type.Code, type))
        {
            throw new InvalidOperationException($"Rule type '{type.Code}' is registered twice.");
        }

        return this;
    }

    /// <summary>The rule types of the domain, which the three seeded schemes are composed of.</summary>
    public static RuleTypeRegistry BuiltIn() => new RuleTypeRegistry()
        .Add(RuleType.Eligibility("minimum-education", "education at least a level, optionally in social work or welfare",
            [RuleParameter.Codes("level", "the lowest education level", EducationLevel.All),
             RuleParameter.Flag("socialWorkFieldOnly", "only pekerjaan sosial or kesejahteraan sosial count", false)],
            a => new MinimumEducationRule(EducationLevel.FromCode(a.Code("level")).Value, a.Flag("socialWorkFieldOnly"))))
        .Add(RuleType.Eligibility("minimum-practice-hours", "recorded practice hours", [RuleParameter.WholeNumber("hours", "the fewest hours", 1)],
            a => new MinimumPracticeHoursRule(a.WholeNumber("hours"))))
        .Add(RuleType.Eligibility("minimum-training-hours", "recorded training hours (Bimtek, diklat …)", [RuleParameter.WholeNumber("hours", "the fewest hours", 1)],
            a => new MinimumTrainingHoursRule(a.WholeNumber("hours"))))
        .Add(RuleType.Eligibility("holds-valid-certificate", "a valid certificate of another scheme", [new RuleParameter("schemeCode", ParameterType.Code, "the prerequisite scheme")],
            a => new HoldsValidCertificateRule(a.Code("schemeCode"))))
        .Add(RuleType.Eligibility("any-of", "any one of several rules",
            [new RuleParameter("code", ParameterType.Code, "the code reported when none holds"), new RuleParameter("rules", ParameterType.Rules, "the alternatives")],
            a => new AnyOfRule(a.Code("code"), a.Rules("rules"))))
        .Add(RuleType.Eligibility("renewed-certificate-active", "the certificate being renewed is active", [], _ => new RenewedCertificateActiveRule()))
        .Add(RuleType.Eligibility("practice-hours-within-validity", "practice hours dated inside the renewed certificate's validity",
            [RuleParameter.WholeNumber("hours", "the fewest hours", 1)], a => new PracticeHoursWithinValidityRule(a.WholeNumber("hours"))))
        .Add(RuleType.Eligibility("training-hours-within-validity", "training hours dated inside the renewed certificate's validity",
            [RuleParameter.WholeNumber("hours", "the fewest hours", 1)], a => new TrainingHoursWithinValidityRule(a.WholeNumber("hours"))))
        .Add(RuleType.Requirement("case-record-count", "case records", [RuleParameter.WholeNumber("minimum", "the fewest case records", 1)],
            a => new CaseRecordCountRequirement(a.WholeNumber("minimum"))))
        .Add(RuleType.Requirement("case-record-categories", "case records covering distinct PMKS categories", [RuleParameter.WholeNumber("minimum", "the fewest categories", 1, 6)],
            a => new CaseRecordCategoryCoverageRequirement(a.WholeNumber("minimum"))))
        .Add(RuleType.Requirement("full-helping-process", "case records through all six helping stages", [RuleParameter.WholeNumber("minimum", "the fewest such case records", 1)],
            a => new FullHelpingProcessRequirement(a.WholeNumber("minimum"))))
        .Add(RuleType.Requirement("specialisation-case-records", "case records in the portfolio's specialisation", [RuleParameter.WholeNumber("minimum", "the fewest case records", 1)],
            a => new SpecialisationCaseRecordsRequirement(a.WholeNumber("minimum"))))
        .Add(RuleType.Requirement("document", "a document of a kind", [RuleParameter.Codes("kind", "the evidence kind", EvidenceKind.All)],
            a => new DocumentRequirement(EvidenceKind.FromCode(a.Code("kind")).Value)))
        .Add(RuleType.Requirement("essays", "self-description essays, each with its title and minimum words", [new RuleParameter("essays", ParameterType.Essays, "the essays")],
            a => new EssayRequirement(a.Essays("essays"))))
        .Add(RuleType.Policy("written-interview-portfolio",
            "K only if the written score reaches the pass mark, the interview is K and the portfolio passes (VATM, essays)",
            [RuleParameter.WholeNumber("writtenPassMark", "the written test's pass mark", 0, 100),
             RuleParameter.Number("minAverageEssayScore", "the average essay score a K needs (1–5)", 1, 5, 3.0m),
             new RuleParameter("minEssayScore", ParameterType.WholeNumber, "no essay may score below this (1–5)", 1, 5, Default: 2)],
            a => new StandardRecommendationPolicy(a.WholeNumber("writtenPassMark"), a.Number("minAverageEssayScore"), a.WholeNumber("minEssayScore"))));
}
