using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;
using static Peksos.Clean.Domain.Tests.PortfolioTestData;

namespace Peksos.Clean.Domain.Tests.Schemes;

/// <summary>The worked example of docs/extending-rules.md, executed: new rules added without touching an aggregate.</summary>
public sealed class ExtendingRulesTests
{
    /// <summary>A portfolio requirement: at least N supervision logs.</summary>
    private sealed record SupervisionLogRequirement(int Minimum) : IPortfolioRequirement
    {
        public string Code => "portfolio.supervision-logs";

        public string Description => $"at least {Minimum} supervision log(s)";

        public IEnumerable<Error> Check(PortfolioContents contents)
        {
            var count = contents.Evidence.Count(e => e.Kind == EvidenceKind.SupervisionLog);
            if (count < Minimum)
            {
                yield return Error.Rule(Code, $"Needs at least {Minimum} supervision log(s); has {count}.");
            }
        }
    }

    /// <summary>An eligibility rule: employed by one of the given employment types.</summary>
    private sealed record EmploymentTypeRule(params EmploymentType[] Allowed) : IEligibilityRule
    {
        public string Code => "eligibility.employment-type";

        public string Description => "employed as " + string.Join(" or ", Allowed.Select(a => a.Code));

        public string? Check(EligibilityContext context) =>
            Allowed.Contains(context.Candidate.Profile.Employment.Type) ? null : $"Needs employment as {string.Join(" or ", Allowed.Select(a => a.Code))}.";
    }

    private static readonly CertificationScheme Extended = SchemeCatalog.PeksosGeneralis with
    {
        PortfolioRequirements = [.. SchemeCatalog.PeksosGeneralis.PortfolioRequirements, new SupervisionLogRequirement(1)],
        EligibilityRoutes =
        [
            .. SchemeCatalog.PeksosGeneralis.EligibilityRoutes.Select(r => r with { Rules = [.. r.Rules, new EmploymentTypeRule(EmploymentType.DinasSosial, EmploymentType.Lks)] }),
        ],
    };

    [Fact]
    public void AddedRequirement_IsListedAmongTheUnmetAndBlocksSubmission()
    {
        var clock = TestData.Clock();
        var candidate = TestData.Candidate(practiceHours: 1_344);
        var portfolio = Complete(candidate, SchemeCatalog.PeksosGeneralis, clock);

        var error = portfolio.Submit(Extended, new EligibilityContext(candidate, []), clock).Error!;

        error.Details.Select(d => d.Code).Should().Contain(["portfolio.supervision-logs", "eligibility.employment-type"]);
        SchemeCatalog.PeksosGeneralis.UnmetRequirements(portfolio.Contents).Should().BeEmpty("the seeded scheme is unchanged");
    }

    [Fact]
    public void AddedRequirement_WhenMet_LetsTheSubmissionThrough()
    {
        var clock = TestData.Clock();
        var candidate = Candidate.Register(
            TestData.Profile() with { Employment = TestData.Profile().Employment with { Type = EmploymentType.Lks } }, clock).Value;
        candidate.RecordPractice(new PracticeRecordDetails("LKS", "Pekerja sosial", TestData.Period(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1)), 1_344, Domain.Reference.PmksCategory.Kemiskinan), clock);
        var portfolio = Complete(candidate, SchemeCatalog.PeksosGeneralis, clock);
        portfolio.AddEvidence(Document("supervision-log"), clock);

        portfolio.Submit(Extended, new EligibilityContext(candidate, []), clock).IsSuccess.Should().BeTrue();
    }
}
