using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>The certificate a renewal portfolio renews, as its rules see it: number, validity and stored status.</summary>
public sealed record RenewedCertificate(CertificateNumber Number, DateOnly IssuedOn, DateOnly ValidUntil, CertificateStatus Status)
{
    public DatePeriod Validity => new(IssuedOn, ValidUntil);
}

/// <summary>
/// A scheme's renewal (<i>perpanjangan</i>) as data: the window around <c>validUntil</c>, its own eligibility route and
/// its lighter portfolio requirements (essays among them, by default none). The defaults are those of the domain (6 months before, 3 after).
/// </summary>
public sealed record RenewalRules
{
    public int OpensMonthsBefore { get; init; } = 6;

    public int GraceMonthsAfter { get; init; } = 3;

    public EligibilityRoute Route { get; init; } = new(1,
        [new RenewedCertificateActiveRule(), new PracticeHoursWithinValidityRule(1_000), new TrainingHoursWithinValidityRule(40)]);

    public IReadOnlyList<IPortfolioRequirement> Requirements { get; init; } =
        [new CaseRecordCountRequirement(2), new DocumentRequirement(EvidenceKind.WorkExperienceLetter)];

    public DateOnly OpensOn(DateOnly validUntil) => validUntil.AddMonths(-OpensMonthsBefore);

    public DateOnly ClosesOn(DateOnly validUntil) => validUntil.AddMonths(GraceMonthsAfter);

    public bool IsOpenOn(DateOnly validUntil, DateOnly today) => today >= OpensOn(validUntil) && today <= ClosesOn(validUntil);
}

/// <summary>The certificate being renewed is still active (not suspended, revoked or already renewed).</summary>
public sealed record RenewedCertificateActiveRule : IEligibilityRule
{
    public string Code => "eligibility.renewed-certificate";

    public string Description => "the certificate being renewed is active";

    public string? Check(EligibilityContext context) => context.Renewing switch
    {
        null => "Needs a certificate of this scheme to renew.",
        { Status: var s } when s != CertificateStatus.Active => $"The certificate being renewed ({context.Renewing.Number}) is {s.Code}.",
        _ => null,
    };
}

/// <summary>At least <paramref name="Hours"/> practice hours dated inside the renewed certificate's validity.</summary>
public sealed record PracticeHoursWithinValidityRule(int Hours) : IEligibilityRule
{
    public string Code => "eligibility.renewal-practice-hours";

    public string Description => $"at least {Fmt.N(Hours)} practice hours within the certificate's validity";

    public string? Check(EligibilityContext context)
    {
        var has = context.Renewing is { } renewed ? context.Candidate.PracticeHoursWithin(renewed.Validity) : 0;
        return has >= Hours ? null : $"Needs at least {Fmt.N(Hours)} practice hours within the certificate's validity; has {Fmt.N(has)}.";
    }
}

/// <summary>At least <paramref name="Hours"/> training hours dated inside the renewed certificate's validity.</summary>
public sealed record TrainingHoursWithinValidityRule(int Hours) : IEligibilityRule
{
    public string Code => "eligibility.renewal-training-hours";

    public string Description => $"at least {Fmt.N(Hours)} training hours within the certificate's validity";

    public string? Check(EligibilityContext context)
    {
        var has = context.Renewing is { } renewed ? context.Candidate.TrainingHoursWithin(renewed.Validity) : 0;
        return has >= Hours ? null : $"Needs at least {Fmt.N(Hours)} training hours within the certificate's validity; has {Fmt.N(has)}.";
    }
}
