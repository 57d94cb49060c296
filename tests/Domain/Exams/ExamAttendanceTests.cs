using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Domain.Tests.Exams;

public sealed class ExamAttendanceTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    [Fact]
    public void MarkAbsent_BeforeTheExamStarts_IsNotInProgress()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();

        scenario.Exam.MarkAbsent(participant.Id, null, _clock).Error!.Code.Should().Be("exam.not-in-progress");
        participant.Status.Should().Be(ParticipantStatus.Enrolled);
    }

    [Fact]
    public void MarkAbsent_LeavesTheRoundAndTheDecisionGoesAheadWithoutThem()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        var absent = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess(0);

        scenario.Exam.MarkAbsent(absent.Id, TestData.Text("Tidak hadir tanpa keterangan."), _clock).IsSuccess.Should().BeTrue();
        scenario.Decide();

        absent.Status.Should().Be(ParticipantStatus.Absent);
        absent.StatusNote.Should().Be("Tidak hadir tanpa keterangan.");
        absent.Result.Should().BeNull();
        scenario.Competent.Should().ContainSingle();
        scenario.Exam.TakingPart.Should().ContainSingle().Which.Status.Should().Be(ParticipantStatus.Decided);
        scenario.Exam.DomainEvents.OfType<ParticipantMarkedAbsent>().Should().ContainSingle(e => e.ParticipantId == absent.Id);
    }

    [Fact]
    public void MarkAbsent_AnAssessedParticipant_IsNotPending()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess();

        scenario.Exam.MarkAbsent(participant.Id, null, _clock).Error!.Code.Should().Be("exam.participant-not-pending");
        participant.Status.Should().Be(ParticipantStatus.Assessed);
    }

    [Fact]
    public void MarkAbsent_Twice_IsNotPending()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start();
        scenario.Exam.MarkAbsent(participant.Id, null, _clock).IsSuccess.Should().BeTrue();

        scenario.Exam.MarkAbsent(participant.Id, null, _clock).Error!.Code.Should().Be("exam.participant-not-pending");
    }

    [Fact]
    public void Withdraw_AnAssessedParticipantBeforeTheDecision_IsAllowed()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        var leaving = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess(0);
        scenario.Assess(1);

        scenario.Exam.Withdraw(leaving.Id, TestData.Text("Mengundurkan diri karena sakit."), _clock).IsSuccess.Should().BeTrue();
        scenario.Decide();

        leaving.Status.Should().Be(ParticipantStatus.Withdrawn);
        leaving.Result.Should().BeNull();
        scenario.Competent.Should().ContainSingle();
        scenario.Exam.DomainEvents.OfType<ParticipantWithdrawn>().Should().ContainSingle(e => e.Reason == "Mengundurkan diri karena sakit.");
    }

    [Fact]
    public void Withdraw_AfterTheDecision_IsRefused()
    {
        var scenario = ExamScenario.Decided(_clock);
        var participant = scenario.Enrolled[0].Participant;

        scenario.Exam.Withdraw(participant.Id, TestData.Text("Terlambat."), _clock).IsFailure.Should().BeTrue();
        participant.Status.Should().Be(ParticipantStatus.Decided);
    }

    [Fact]
    public void Decide_WithAPendingParticipantBesideAnAbsentOne_IsNotFullyAssessed()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        var absent = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Exam.MarkAbsent(absent.Id, null, _clock).IsSuccess.Should().BeTrue();

        var decision = scenario.Exam.Decide("12/LSP-PS/XII/2026", [new PanelMember("Drs. Hartono, M.Si.", null)], [], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, Domain.Schemes.EligibilityContext>)scenario.Eligibility, _clock);

        decision.Error!.Code.Should().Be("exam.not-fully-assessed");
        decision.Error.Message.Should().StartWith("1 participant");
    }

    [Fact]
    public void Remove_WhilePlanned_TakesTheParticipantOut()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();

        scenario.Exam.Remove(participant.Id, _clock).IsSuccess.Should().BeTrue();

        scenario.Exam.Participants.Should().BeEmpty();
        scenario.Exam.RemovedParticipants.Should().ContainSingle().Which.Id.Should().Be(participant.Id);
        scenario.Exam.Start(_clock).Error!.Code.Should().Be("exam.no-participants");
    }

    [Fact]
    public void Remove_OnceStarted_IsNotPlanned()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        scenario.Start();

        scenario.Exam.Remove(participant.Id, _clock).Error!.Code.Should().Be("exam.not-planned");
        scenario.Exam.Participants.Should().ContainSingle();
    }

    [Fact]
    public void Remove_AnUnknownParticipant_IsNotFound()
    {
        var scenario = ExamScenario.Planned(_clock);

        scenario.Exam.Remove(Guid.NewGuid(), _clock).Error!.Code.Should().Be("exam.participant-not-found");
    }

    [Fact]
    public void Assess_AnAbsentParticipant_IsNotPending()
    {
        var scenario = ExamScenario.Planned(_clock);
        var absent = scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Exam.MarkAbsent(absent.Id, null, _clock).IsSuccess.Should().BeTrue();
        var portfolio = scenario.Enrolled[0].Portfolio;

        var result = scenario.Exam.Assess(absent.Id, absent.AssessorId, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock);

        result.Error!.Code.Should().Be("exam.participant-not-pending");
        absent.Assessment.Should().BeNull();
    }
}
