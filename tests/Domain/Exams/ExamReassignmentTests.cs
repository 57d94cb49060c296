using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Domain.Tests.Exams;

public sealed class ExamReassignmentTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    private static Domain.Common.Narrative Reason => TestData.Text("Asesor sakit.");

    [Fact]
    public void Reassign_HandsTheParticipantToTheOtherAssessor_WhoThenAssesses()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start().DeclareAll();

        scenario.Exam.Reassign(participant.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).IsSuccess.Should().BeTrue();

        participant.AssessorId.Should().Be(scenario.OtherAssessor.Id);
        scenario.Exam.DomainEvents.OfType<ParticipantReassigned>().Should().ContainSingle(e => e.From == scenario.Assessor.Id && e.Reason == "Asesor sakit.");
        var portfolio = scenario.Enrolled[0].Portfolio;
        scenario.Exam.Assess(participant.Id, scenario.Assessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("exam.not-your-participant");
        scenario.Exam.Assess(participant.Id, scenario.OtherAssessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Reassign_ToAColleagueOfTheCandidate_IsConflictOfInterest()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol(scenario.Assessor, organisation: "Universitas Lampung");

        scenario.Exam.Reassign(participant.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.conflict-of-interest");
        participant.AssessorId.Should().Be(scenario.Assessor.Id);
    }

    [Fact]
    public void Reassign_AsTheAssessorsTenthParticipant_Passes_AndTheEleventhIsOverloaded()
    {
        var scenario = ExamScenario.Planned(_clock);
        for (var i = 0; i < 9; i++)
        {
            scenario.Enrol(scenario.OtherAssessor);
        }

        var tenth = scenario.Enrol();
        var eleventh = scenario.Enrol();

        scenario.Exam.Reassign(tenth.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).IsSuccess.Should().BeTrue();
        scenario.Exam.Reassign(eleventh.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.assessor-overloaded");
        eleventh.AssessorId.Should().Be(scenario.Assessor.Id);
    }

    [Fact]
    public void Reassign_ToAnAssessorWithAFullLoad_IsOverloaded()
    {
        var scenario = ExamScenario.Planned(_clock);
        for (var i = 0; i < 10; i++)
        {
            scenario.Enrol(scenario.OtherAssessor);
        }

        var participant = scenario.Enrol();

        scenario.Exam.Reassign(participant.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.assessor-overloaded");
    }

    [Fact]
    public void Reassign_AnAssessedParticipant_IsNotPending()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess();

        scenario.Exam.Reassign(participant.Id, scenario.OtherAssessor.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.participant-not-pending");
    }

    [Fact]
    public void Reassign_ToTheSameOrAnUnassignedAssessor_IsRefused()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        var stranger = ExamScenario.NewAssessor("Siti Aminah", "MET.000.009", "Politeknik Kesejahteraan Sosial", "siti@example.org", _clock);

        scenario.Exam.Reassign(participant.Id, scenario.Assessor.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.same-assessor");
        scenario.Exam.Reassign(participant.Id, stranger.Id, Reason, ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.assessor-not-assigned");
    }
}
