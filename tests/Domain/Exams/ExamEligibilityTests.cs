using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Tests.Exams;

/// <summary>Eligibility holds at every gate: acceptance, enrolment and the decision see the facts of their moment.</summary>
public sealed class ExamEligibilityTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    [Fact]
    public void Accept_AfterThePrerequisiteCertificateIsGone_ListsWhatIsUnmet()
    {
        var (candidate, portfolio) = SubmittedSpesialis();

        var error = portfolio.Accept(SchemeCatalog.PeksosSpesialis, new EligibilityContext(candidate, []), _clock).Error!;

        error.Code.Should().Be("portfolio.requirements-unmet");
        error.Details.Select(d => d.Code).Should().Contain("eligibility.prerequisite-certificate");
        portfolio.Status.Should().Be(PortfolioStatus.Submitted);
    }

    [Fact]
    public void Accept_WhileThePrerequisiteIsStillValid_Accepts()
    {
        var (candidate, portfolio) = SubmittedSpesialis();

        portfolio.Accept(SchemeCatalog.PeksosSpesialis, new EligibilityContext(candidate, ["PEKSOS-GENERALIS"]), _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Enrol_ACandidateWhoNowHoldsTheSchemesCertificate_IsIneligible()
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);

        var error = scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, [], ["PEKSOS-GENERALIS"]), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!;

        error.Code.Should().Be("exam.participant-ineligible");
        error.Details.Should().ContainSingle().Which.Code.Should().Be("portfolio.already-certified");
        scenario.Exam.Participants.Should().BeEmpty();
    }

    [Fact]
    public void Decide_WithAnIneligibleParticipant_ListsThemByParticipant_AndDecidesNobody()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        var lapsed = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess(0);
        scenario.Assess(1);
        var candidate = scenario.Enrolled[1].Candidate;
        scenario.Eligibility[candidate.Id] = new EligibilityContext(candidate, [], [ExamScenario.Scheme.Code]);

        var error = Decide(scenario).Error!;

        error.Code.Should().Be("exam.participant-ineligible");
        error.Details.Should().ContainSingle().Which.Subject.Should().Be(("participantId", lapsed.Id));
        scenario.Exam.Status.Should().Be(ExamStatus.InProgress);
        scenario.Exam.Participants.Should().OnlyContain(p => p.Result == null);
    }

    [Fact]
    public void Decide_AfterTheIneligibleParticipantIsWithdrawn_DecidesEveryoneElse()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        var lapsed = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess(0);
        scenario.Assess(1);
        var candidate = scenario.Enrolled[1].Candidate;
        scenario.Eligibility[candidate.Id] = new EligibilityContext(candidate, [], [ExamScenario.Scheme.Code]);
        scenario.Exam.Withdraw(lapsed.Id, TestData.Text("Sudah bersertifikat."), _clock).IsSuccess.Should().BeTrue();

        Decide(scenario).Value.Should().ContainSingle();
        lapsed.Result.Should().BeNull();
        scenario.Exam.DomainEvents.OfType<ExamDecided>().Single().Results.Should().ContainSingle(r => r.Result == "k" && r.Recommendation == "k");
    }

    [Theory]
    [InlineData("Universitas\u00a0Lampung")]
    [InlineData("Universitas\u200b Lampung")]
    [InlineData("UNIVERSITAS LAMPUNG.")]
    public void Enrol_WithAnAssessorOfTheSameOrganisationWrittenAnotherWay_IsConflictOfInterest(string organisation)
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock, organisation);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.OtherAssessor.Id, ExamScenario.Scheme, false, _clock)
            .Error!.Code.Should().Be("exam.conflict-of-interest");
    }

    private Domain.Common.Result<IReadOnlyList<CompetentResult>> Decide(ExamScenario scenario) =>
        scenario.Exam.Decide("12/LSP-PS/XII/2026", [new PanelMember("Drs. Hartono, M.Si.", null)], [], _ => ExamScenario.Scheme, scenario.Eligibility, _clock);

    private (Domain.Candidates.Candidate, Portfolio) SubmittedSpesialis()
    {
        var candidate = TestData.Candidate(practiceHours: 2_688, clock: _clock);
        var portfolio = PortfolioTestData.Complete(candidate, SchemeCatalog.PeksosSpesialis, _clock, PmksCategory.All[0]);
        portfolio.Submit(SchemeCatalog.PeksosSpesialis, new EligibilityContext(candidate, ["PEKSOS-GENERALIS"]), _clock).IsSuccess.Should().BeTrue();
        return (candidate, portfolio);
    }
}
