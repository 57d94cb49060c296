using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Domain.Tests.Trainings;

public sealed class TrainingEventTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestData.Clock();

    private TrainingEvent Bimtek(int capacity = 46) =>
        TrainingEvent.Plan("Bimtek Sertifikasi Pekerja Sosial", "Dinas Sosial Provinsi Lampung", "Hotel Emersia, Bandar Lampung", Domain.Reference.RegionCode.Parse("18.71").Value,
            TestData.Period(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)), 16, capacity, _clock).Value;

    [Fact]
    public void Enrol_UpToCapacity_ThenCapacityReached()
    {
        var training = Bimtek(capacity: 2);
        training.Enrol(CandidateId.New(), _clock).IsSuccess.Should().BeTrue();
        training.Enrol(CandidateId.New(), _clock).IsSuccess.Should().BeTrue();

        training.Enrol(CandidateId.New(), _clock).Error!.Code.Should().Be("training.capacity-reached");
    }

    [Fact]
    public void Enrol_Forty6_FitsTheLampungBimtek()
    {
        var training = Bimtek();
        for (var i = 0; i < 46; i++)
        {
            training.Enrol(CandidateId.New(), _clock).IsSuccess.Should().BeTrue();
        }

        training.Participants.Should().HaveCount(46);
    }

    [Fact]
    public void Enrol_Twice_IsAlreadyEnrolled()
    {
        var training = Bimtek();
        var id = CandidateId.New();
        training.Enrol(id, _clock);

        training.Enrol(id, _clock).Error!.Code.Should().Be("training.already-enrolled");
    }

    [Fact]
    public void Complete_CreditsEachAttendeeTheirAttendedHoursAsBimtek()
    {
        var training = Bimtek();
        var full = CandidateId.New();
        var half = CandidateId.New();
        var absent = CandidateId.New();
        foreach (var id in new[] { full, half, absent })
        {
            training.Enrol(id, _clock);
        }

        var credits = training.Complete([(full, 16), (half, 8)], _clock).Value;

        credits.Select(c => (c.CandidateId, c.Record.Hours)).Should().Equal((full, 16), (half, 8));
        credits.Should().OnlyContain(c => c.Record.Kind == TrainingKind.Bimtek && c.Record.TrainingEventId == training.Id.Value);
        training.Participants.Single(p => p.CandidateId == absent).AttendedHours.Should().Be(0);
        training.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void Complete_Twice_IsAlreadyCompleted()
    {
        var training = Bimtek();
        var id = CandidateId.New();
        training.Enrol(id, _clock);
        training.Complete([(id, 16)], _clock);

        training.Complete([(id, 16)], _clock).Error!.Code.Should().Be("training.already-completed");
    }

    [Fact]
    public void Complete_MoreHoursThanTheEvent_IsRefused()
    {
        var training = Bimtek();
        var id = CandidateId.New();
        training.Enrol(id, _clock);

        training.Complete([(id, 17)], _clock).Error!.Code.Should().Be("training.attended-hours-invalid");
    }

    [Fact]
    public void Complete_ForSomeoneNotEnrolled_IsRefused()
    {
        var training = Bimtek();

        training.Complete([(CandidateId.New(), 8)], _clock).Error!.Code.Should().Be("training.not-enrolled");
    }

    [Fact]
    public void Complete_BeforeTheLastDay_IsNotFinished()
    {
        var training = TrainingEvent.Plan("Bimtek", "Dinsos", "Aula", Domain.Reference.RegionCode.Parse("18").Value, TestData.Period(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)), 16, 10, _clock).Value;

        training.Complete([], _clock).Error!.Code.Should().Be("training.not-finished");
    }

    [Fact]
    public void Credit_IsRecordedOnTheCandidateExactlyOnce()
    {
        var training = Bimtek();
        var candidate = TestData.Candidate();
        training.Enrol(candidate.Id, _clock);
        var credit = training.Complete([(candidate.Id, 16)], _clock).Value.Single();

        candidate.RecordTraining(credit.Record, _clock).IsSuccess.Should().BeTrue();
        candidate.RecordTraining(credit.Record, _clock).Error!.Code.Should().Be("training.already-credited");
        candidate.TrainingHours.Should().Be(16);
    }
}
