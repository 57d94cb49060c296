using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests.Candidates;

/// <summary>Hours that add up: every rule of a practice or training record at its boundary (born 5 June 1990).</summary>
public sealed class RecordIntegrityTests
{
    [Theory]
    [InlineData(2005, 6, 4, "period.before-age-15")]
    [InlineData(2005, 6, 5, null)]
    public void APeriod_StartsOnOrAfterThe15thBirthday(int year, int month, int day, string? refused)
    {
        var start = new DateOnly(year, month, day);

        var recorded = TestData.Candidate().RecordPractice(TestData.Practice(start, start.AddDays(9), 10), TestData.Clock());

        (recorded.IsSuccess ? null : recorded.Error!.Code).Should().Be(refused);
    }

    [Theory]
    [InlineData(24, true)] // 12 a day over 2 days, both ends counted
    [InlineData(25, false)]
    public void APracticeRecord_CarriesAtMost12HoursADay(int hours, bool accepted)
    {
        var candidate = TestData.Candidate();

        var recorded = candidate.RecordPractice(TestData.Practice(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), hours), TestData.Clock());

        recorded.IsSuccess.Should().Be(accepted);
        if (!accepted)
        {
            recorded.Error!.Code.Should().Be("practice.hours-exceed-period");
        }
    }

    [Fact]
    public void ThePracticeOf56Days_HoldsNot1344Hours()
    {
        var recorded = TestData.Candidate().RecordPractice(TestData.Practice(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 25), 1_344), TestData.Clock());

        recorded.Error!.Code.Should().Be("practice.hours-exceed-period");
    }

    [Fact]
    public void TheSamePractice_WrittenAnotherWay_IsADuplicate()
    {
        var candidate = TestData.Candidate();
        var period = TestData.Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan Bangsa", "Pekerja sosial", period, 700, PmksCategory.Kemiskinan), TestData.Clock())
            .IsSuccess.Should().BeTrue();

        var again = candidate.RecordPractice(new PracticeRecordDetails("LKS\u00a0HARAPAN BANGSA.", "pekerja  sosial", period, 700, PmksCategory.Kemiskinan), TestData.Clock());

        again.Error!.Code.Should().Be("practice.duplicate");
        candidate.PracticeHours.Should().Be(700);
    }

    [Fact]
    public void AnotherRole_InTheSamePeriod_IsNotADuplicate()
    {
        var candidate = TestData.Candidate();
        var period = TestData.Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan Bangsa", "Pekerja sosial", period, 700, PmksCategory.Kemiskinan), TestData.Clock());

        candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan Bangsa", "Supervisor", period, 300, PmksCategory.Kemiskinan), TestData.Clock())
            .IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void AManualBimtek_RepeatingOneCreditedByItsCompletion_IsADuplicate_ButADiklatIsNot()
    {
        var candidate = TestData.Candidate();
        var period = TestData.Period(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4));
        candidate.RecordTraining(new TrainingRecordDetails("Bimtek Penyusunan Portofolio", "Dinas Sosial", period, 24, TrainingKind.Bimtek, Guid.NewGuid()), TestData.Clock())
            .IsSuccess.Should().BeTrue();

        candidate.RecordTraining(new TrainingRecordDetails("BIMTEK PENYUSUNAN PORTOFOLIO", "Dinas Sosial", period, 24, TrainingKind.Bimtek), TestData.Clock())
            .Error!.Code.Should().Be("training.duplicate");
        candidate.RecordTraining(new TrainingRecordDetails("Bimtek Penyusunan Portofolio", "Dinas Sosial", period, 24, TrainingKind.Diklat), TestData.Clock())
            .IsSuccess.Should().BeTrue();
        candidate.TrainingHours.Should().Be(48);
    }

    [Fact]
    public void Totals_NeverOverflow()
    {
        var candidate = Candidate.Register(TestData.Profile(birthDate: new DateOnly(1900, 1, 1)), TestData.Clock()).Value;
        for (var i = 0; i < 5_000; i++)
        {
            // ~490,000 hours each: 5,000 of them pass int.MaxValue.
            var period = TestData.Period(new DateOnly(1915, 1, 1).AddDays(i), new DateOnly(2026, 11, 26));
            candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan", "Pekerja sosial", period, period.Days * PracticeRecord.MaxHoursPerDay, PmksCategory.Kemiskinan),
                TestData.Clock()).IsSuccess.Should().BeTrue();
        }

        candidate.PracticeHours.Should().Be(int.MaxValue);
    }
}
