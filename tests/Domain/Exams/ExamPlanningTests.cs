using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests.Exams;

public sealed class ExamPlanningTests
{
    // 09:00Z on 27 November is 16:00 WIB: today in the LSP's calendar is 27 November.
    private readonly FakeTimeProvider _clock = TestData.Clock();

    private static readonly RegionCode Lampung = RegionCode.Parse("18.71").Value;

    public ExamPlanningTests() => _clock.SetLocalTimeZone(TestData.Wib);

    [Theory]
    [InlineData(2026, 11, 26, false)]
    [InlineData(2026, 11, 27, true)]
    [InlineData(2026, 11, 28, true)]
    public void Plan_IsRefusedOnlyForADayAlreadyPast(int year, int month, int day, bool planned)
    {
        var result = CompetencyExam.Plan(ExamScenario.Scheme, "Uji", "TUK", Lampung, new DateOnly(year, month, day), 10, _clock);

        result.IsSuccess.Should().Be(planned);
        if (!planned)
        {
            result.Error!.Code.Should().Be("exam.scheduled-in-past");
        }
    }

    [Fact]
    public void Plan_UsesTheLspCalendar_NotUtc()
    {
        // 23:30Z on 27 November is already 28 November in Jakarta.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        CompetencyExam.Plan(ExamScenario.Scheme, "Uji", "TUK", Lampung, new DateOnly(2026, 11, 27), 10, _clock).Error!.Code.Should().Be("exam.scheduled-in-past");
    }

    [Fact]
    public void Start_BeforeTheScheduledDay_IsNotYetScheduled_AndOnTheDayItStarts()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Exam.Reschedule(null, null, new DateOnly(2026, 11, 28), null, _clock).IsSuccess.Should().BeTrue();
        scenario.Enrol();

        scenario.Exam.Start(_clock).Error!.Code.Should().Be("exam.not-yet-scheduled");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero)); // 00:00 WIB on the 28th
        scenario.Exam.Start(_clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Reschedule_ChangesOnlyWhatIsGiven_AndIsAnEvent()
    {
        var scenario = ExamScenario.Planned(_clock);

        scenario.Exam.Reschedule(null, "TUK Balai Besar Lampung", new DateOnly(2026, 12, 15), null, _clock).IsSuccess.Should().BeTrue();

        scenario.Exam.Venue.Should().Be("TUK Balai Besar Lampung");
        scenario.Exam.ScheduledOn.Should().Be(new DateOnly(2026, 12, 15));
        scenario.Exam.Title.Should().Be("Uji Kompetensi Lampung 2026");
        scenario.Exam.Capacity.Should().Be(40);
        scenario.Exam.DomainEvents.OfType<ExamRescheduled>().Should().ContainSingle(e => e.PreviousScheduledOn == new DateOnly(2026, 11, 27));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Reschedule_CapacityMayEqualTheEnrolledCount_ButNotGoBelowIt(int capacity, bool allowed)
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Enrol();

        var result = scenario.Exam.Reschedule(null, null, null, capacity, _clock);

        result.IsSuccess.Should().Be(allowed);
        scenario.Exam.Capacity.Should().Be(allowed ? capacity : 40);
        if (!allowed)
        {
            result.Error!.Code.Should().Be("exam.capacity-below-enrolled");
        }
    }

    [Fact]
    public void Reschedule_ToAPastDay_OrOnceStarted_IsRefused()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();

        scenario.Exam.Reschedule(null, null, new DateOnly(2026, 11, 26), null, _clock).Error!.Code.Should().Be("exam.scheduled-in-past");
        scenario.Start();
        scenario.Exam.Reschedule("Baru", null, null, null, _clock).Error!.Code.Should().Be("exam.not-planned");
        scenario.Exam.Title.Should().Be("Uji Kompetensi Lampung 2026");
    }
}
