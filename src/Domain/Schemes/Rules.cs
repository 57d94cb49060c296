using System.Globalization;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>
/// What an eligibility rule looks at: the candidate, the schemes they hold a valid certificate of, those they hold
/// one of at all (active or suspended, unexpired; defaults to the valid ones), and for a renewal the certificate renewed.
/// </summary>
public sealed record EligibilityContext(Candidate Candidate, IReadOnlyCollection<string> ValidCertificateSchemeCodes, IReadOnlyCollection<string>? HeldCertificateSchemeCodes = null,
    RenewedCertificate? Renewing = null)
{
    public bool Holds(string schemeCode) => (HeldCertificateSchemeCodes ?? ValidCertificateSchemeCodes).Contains(schemeCode);
}

/// <summary>
/// One condition of an eligibility route. Implement it (and list it in a scheme's route) to add a rule; no aggregate
/// changes. <see cref="Description"/> is shown to people in the scheme listing.
/// </summary>
public interface IEligibilityRule
{
    /// <summary>Stable code reported when the rule is not met, e.g. <c>eligibility.practice-hours</c>.</summary>
    string Code { get; }

    string Description { get; }

    /// <summary>Null when met; otherwise what is missing, in words a candidate understands.</summary>
    string? Check(EligibilityContext context);
}

/// <summary>
/// One thing a portfolio must contain. Implement it (and list it in a scheme) to add a requirement; a requirement may
/// report several unmet items at once.
/// </summary>
public interface IPortfolioRequirement
{
    string Code { get; }

    string Description { get; }

    IEnumerable<Error> Check(PortfolioContents contents);
}

internal static class Fmt
{
    public static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Education at least <paramref name="Level"/>, optionally in a social-work field.</summary>
public sealed record MinimumEducationRule(EducationLevel Level, bool SocialWorkFieldOnly = false) : IEligibilityRule
{
    public string Code => "eligibility.education";

    public string Description => SocialWorkFieldOnly
        ? $"{LevelText} in pekerjaan sosial or kesejahteraan sosial"
        : $"{LevelText} in any field";

    private string LevelText => Level == EducationLevel.D4 || Level == EducationLevel.S1 ? "D4/S1 or higher" : $"{Level.Code} or higher";

    public string? Check(EligibilityContext context)
    {
        var education = context.Candidate.Profile.Education;
        if (!education.Level.IsAtLeast(Level))
        {
            return $"Needs {LevelText}; has {education.Level.Code}.";
        }

        return SocialWorkFieldOnly && !education.Field.IsSocialWork
            ? $"Needs a degree in pekerjaan sosial or kesejahteraan sosial; has '{education.Field.Code}'."
            : null;
    }
}

/// <summary>At least <paramref name="Hours"/> recorded practice hours.</summary>
public sealed record MinimumPracticeHoursRule(int Hours) : IEligibilityRule
{
    public string Code => "eligibility.practice-hours";

    public string Description => $"at least {Fmt.N(Hours)} practice hours";

    public string? Check(EligibilityContext context) =>
        context.Candidate.PracticeHours >= Hours
            ? null
            : $"Needs at least {Fmt.N(Hours)} practice hours; has {Fmt.N(context.Candidate.PracticeHours)}.";
}

/// <summary>At least <paramref name="Hours"/> recorded training hours (Bimtek, diklat …).</summary>
public sealed record MinimumTrainingHoursRule(int Hours) : IEligibilityRule
{
    public string Code => "eligibility.training-hours";

    public string Description => $"at least {Fmt.N(Hours)} training hours";

    public string? Check(EligibilityContext context) =>
        context.Candidate.TrainingHours >= Hours
            ? null
            : $"Needs at least {Fmt.N(Hours)} training hours; has {Fmt.N(context.Candidate.TrainingHours)}.";
}

/// <summary>A valid (active, unexpired) certificate of another scheme.</summary>
public sealed record HoldsValidCertificateRule(string SchemeCode) : IEligibilityRule
{
    public string Code => "eligibility.prerequisite-certificate";

    public string Description => $"a valid {SchemeCode} certificate";

    public string? Check(EligibilityContext context) =>
        context.ValidCertificateSchemeCodes.Contains(SchemeCode) ? null : $"Needs a valid {SchemeCode} certificate.";
}

/// <summary>Any one of several rules (e.g. "S2 or higher, or at least 2,688 practice hours").</summary>
public sealed record AnyOfRule(string Code, IReadOnlyList<IEligibilityRule> Alternatives) : IEligibilityRule
{
    public string Description => "(" + string.Join(" or ", Alternatives.Select(a => a.Description)) + ")";

    public string? Check(EligibilityContext context)
    {
        var failures = Alternatives.Select(a => a.Check(context)).ToList();
        return failures.Any(f => f is null) ? null : "Needs one of: " + string.Join(" Or: ", failures);
    }
}

/// <summary>One way into a scheme: every rule of the route must hold.</summary>
public sealed record EligibilityRoute(int Number, IReadOnlyList<IEligibilityRule> Rules)
{
    public string Description => string.Join(", ", Rules.Select(r => r.Description));

    /// <summary>Every rule of this route the candidate does not meet.</summary>
    public IReadOnlyList<Error> Unmet(EligibilityContext context) =>
        Rules.Select(r => (r.Code, Message: r.Check(context)))
            .Where(r => r.Message is not null)
            .Select(r => Error.Rule(r.Code, $"Route {Number}: {r.Message}"))
            .ToList();
}
