using System.Text.Json.Nodes;

namespace Peksos.Clean.Application.Schemes;

/// <summary>
/// A scheme version as the LSP writes it (and as it is stored): the shape of <c>GET /schemes/{code}</c>, whose rules are
/// <c>{ type, parameters }</c>; what the server derives (descriptions, codes, version) is ignored on the way in.
/// </summary>
public sealed record SchemeInput(
    string? Code,
    string? Name,
    string? Level,
    string? CertificatePrefix,
    IReadOnlyList<RouteInput>? EligibilityRoutes,
    IReadOnlyList<RuleInput>? PortfolioRequirements,
    RuleInput? Recommendation,
    int? ValidityYears,
    int? AppealWindowDays,
    int? AssessorLoadCap,
    bool? RequiresSpecialisation,
    RenewalInput? Renewal,
    DateTimeOffset? EffectiveFrom = null);

public sealed record RouteInput(IReadOnlyList<RuleInput>? Rules);

/// <summary>One rule of a version: a registered rule type's code and its parameters.</summary>
public sealed record RuleInput(string? Type, JsonObject? Parameters);

public sealed record RenewalInput(int? OpensMonthsBefore, int? GraceMonthsAfter, RouteInput? Eligibility, IReadOnlyList<RuleInput>? PortfolioRequirements);
