using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

/// <summary>Eligibility holds at every gate: at enrolment and at the decision, against the facts of that moment.</summary>
public sealed partial class CompetencyExam
{
    /// <summary>
    /// Every reason the candidate may not sit this exam now: the scheme's eligibility (a renewal's own route), and for an
    /// initial portfolio a certificate of the scheme already held (the rule of opening).
    /// </summary>
    public static IReadOnlyList<Error> UnmetEligibility(CertificationScheme scheme, EligibilityContext eligibility)
    {
        var unmet = scheme.UnmetEligibility(eligibility).ToList();
        if (BusinessRules.FirstBroken(new NotAlreadyCertifiedRule(eligibility.Renewing is null && eligibility.Holds(scheme.Code))) is { } held)
        {
            unmet.Add(held);
        }

        return unmet;
    }

    /// <summary>The participants to be decided who no longer meet eligibility, each reason naming its participant.</summary>
    private Error? IneligibleAmong(IEnumerable<ExamParticipant> deciding, Func<int, CertificationScheme> schemeVersion,
        IReadOnlyDictionary<Candidates.CandidateId, EligibilityContext> eligibility)
    {
        var unmet = deciding
            .SelectMany(p => UnmetEligibility(VersionOf(p, schemeVersion), eligibility[p.CandidateId]).Select(e => e with { Subject = ("participantId", p.Id) }))
            .ToList();
        return unmet.Count == 0 ? null : ExamErrors.Ineligible(unmet);
    }
}
