using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class CandidateTests
{
    [Fact]
    public void Register_WhenAdult_RaisesCandidateRegistered()
    {
        var candidate = Candidate.Register(TestData.Profile(), TestData.Clock()).Value;

        candidate.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<CandidateRegistered>()
            .Which.CandidateId.Should().Be(candidate.Id);
        candidate.CreatedAt.Should().Be(TestData.Clock().GetUtcNow());
    }

    [Fact]
    public void Register_OnThe18thBirthday_Succeeds()
    {
        var clock = TestData.Clock(); // 2026-11-27
        Candidate.Register(TestData.Profile(birthDate: new DateOnly(2008, 11, 27)), clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Register_TheDayBeforeThe18thBirthday_IsUnderage()
    {
        var clock = TestData.Clock();
        Candidate.Register(TestData.Profile(birthDate: new DateOnly(2008, 11, 28)), clock).Error!.Code.Should().Be("candidate.underage");
    }

    [Fact]
    public void RecordPractice_AddsToPracticeHours()
    {
        var clock = TestData.Clock();
        var candidate = TestData.Candidate(practiceHours: 1_000);

        candidate.RecordPractice(TestData.Practice(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 344), clock);

        candidate.PracticeHours.Should().Be(1_344);
        candidate.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PracticeRecorded>();
    }

    [Fact]
    public void RecordPractice_EndingInTheFuture_IsRefused()
    {
        var candidate = TestData.Candidate();
        var details = TestData.Practice(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28), 10);

        candidate.RecordPractice(details, TestData.Clock()).Error!.Code.Should().Be("period.in-future");
        candidate.PracticeHours.Should().Be(0);
    }


    [Fact]
    public void DatePeriod_WhenEndBeforeStart_IsPeriodInvalid()
    {
        DatePeriod.Create(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)).Error!.Code.Should().Be("period.invalid");
    }

    [Fact]
    public void RecordTraining_AddsToTrainingHours()
    {
        var candidate = TestData.Candidate(trainingHours: 40);

        candidate.RecordTraining(new TrainingRecordDetails("Bimtek", "Dinsos", TestData.Period(new DateOnly(2017, 6, 12), new DateOnly(2017, 6, 13)), 20, TrainingKind.Bimtek), TestData.Clock());

        candidate.TrainingHours.Should().Be(60);
    }
}
