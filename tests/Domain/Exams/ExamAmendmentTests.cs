using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Domain.Tests.Exams;

public sealed class ExamAmendmentTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    [Fact]
    public void ASecondAssessment_WithoutAReason_IsRefused_AndTheFirstStays()
    {
        var (scenario, participant) = Assessed(written: 50);

        Assess(scenario, participant, written: 85, reason: null).Error!.Code.Should().Be("exam.assessment-already-recorded");

        participant.Assessment!.Sheet.WrittenScore.Should().Be(50);
        participant.AssessmentHistory.Should().BeEmpty();
    }

    [Fact]
    public void AnAmendment_ReplacesTheAssessment_AndKeepsTheOneItReplaced()
    {
        var (scenario, participant) = Assessed(written: 50);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assess(scenario, participant, written: 85, reason: "Salah input.").IsSuccess.Should().BeTrue();

        participant.Assessment!.Sheet.WrittenScore.Should().Be(85);
        participant.Assessment.AmendmentReason.Should().Be("Salah input.");
        participant.AssessmentHistory.Should().ContainSingle().Which.Sheet.WrittenScore.Should().Be(50);
        participant.AssessmentHistory[0].AmendmentReason.Should().BeNull();
        scenario.Exam.DomainEvents.OfType<AssessmentAmended>().Should().ContainSingle(e => e.PreviousRecommendation == "bk" && e.Recommendation == "k" && e.Reason == "Salah input.");
    }

    [Fact]
    public void TheFirstAssessment_NeedsNoReason_AndAReasonGivenThenIsNotAnAmendment()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start().DeclareAll();

        Assess(scenario, participant, written: 80, reason: "Tidak perlu.").IsSuccess.Should().BeTrue();

        participant.Assessment!.AmendmentReason.Should().BeNull();
        scenario.Exam.DomainEvents.OfType<AssessmentAmended>().Should().BeEmpty();
    }

    [Fact]
    public void AfterTheDecision_NoAmendment()
    {
        var (scenario, participant) = Assessed(written: 80);
        scenario.Decide();

        Assess(scenario, participant, written: 90, reason: "Terlambat.").Error!.Code.Should().Be("exam.invalid-status");
        participant.AssessmentHistory.Should().BeEmpty();
    }

    private (ExamScenario, ExamParticipant) Assessed(int written)
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess(written: written);
        return (scenario, participant);
    }

    private Domain.Common.Result<AssessmentOutcome> Assess(ExamScenario scenario, ExamParticipant participant, int written, string? reason)
    {
        var portfolio = scenario.Enrolled.Single(e => e.Participant == participant).Portfolio;
        return scenario.Exam.Assess(participant.Id, participant.AssessorId, ExamScenario.Sheet(portfolio, written), portfolio, ExamScenario.Scheme,
            reason is null ? null : TestData.Text(reason), _clock);
    }
}
