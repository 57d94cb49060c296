using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests;

/// <summary>Builders for valid domain objects (synthetic NIKs only).</summary>
public static class TestData
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public static CandidateProfile Profile(
        EducationLevel? level = null,
        EducationField? field = null,
        DateOnly? birthDate = null,
        string organisation = "Dinas Sosial Kota Bandar Lampung",
        string nik = "1871014506900003") => new(
        Nik.Parse(nik).Value,
        PersonName.Parse("Siti Rahmawati, S.Sos.").Value,
        birthDate ?? new DateOnly(1990, 6, 5),
        Sex.Female,
        Email.Parse("siti@example.org").Value,
        PhoneNumber.Parse("081234567890").Value,
        new Education(level ?? EducationLevel.S1, field ?? EducationField.KesejahteraanSosial, "Universitas Lampung", 2012),
        new Employment(EmploymentType.PendampingPkh, organisation, RegionCode.Parse("18.71").Value),
        [PmksCategory.Kemiskinan]);

    public static Candidate Candidate(
        int practiceHours = 0,
        int trainingHours = 0,
        EducationLevel? level = null,
        EducationField? field = null,
        string organisation = "Dinas Sosial Kota Bandar Lampung",
        TimeProvider? clock = null)
    {
        clock ??= Clock();
        var candidate = Domain.Candidates.Candidate.Register(Profile(level, field, organisation: organisation), clock).Value;
        if (practiceHours > 0)
        {
            candidate.RecordPractice(PracticeRecordDetails.Create("LKS Harapan", "Pekerja sosial", new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31), practiceHours, "kemiskinan").Value, clock)
                .IsSuccess.Should().BeTrue();
        }

        if (trainingHours > 0)
        {
            candidate.RecordTraining(TrainingRecordDetails.Create("Bimtek", "Dinas Sosial Provinsi Lampung", new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31), trainingHours, "bimtek").Value, clock)
                .IsSuccess.Should().BeTrue();
        }

        candidate.ClearDomainEvents();
        return candidate;
    }
}
