using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests;

/// <summary>Builders for valid domain objects (synthetic NIKs only).</summary>
public static class TestData
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Western Indonesia Time (UTC+7, no daylight saving), the default LSP calendar.</summary>
    public static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("Asia/Jakarta", TimeSpan.FromHours(7), "WIB", "WIB");

    /// <summary>Free text as a request's parser hands it to the domain.</summary>
    public static Domain.Common.Narrative Text(string text) => Domain.Common.Narrative.Parse(text, 20_000, "test.text-invalid").Value;

    public static DatePeriod Period(DateOnly start, DateOnly end) => DatePeriod.Create(start, end).Value;

    public static PracticeRecordDetails Practice(DateOnly start, DateOnly end, int hours, string category = "kecacatan") =>
        new("LKS", "Pendamping", Period(start, end), hours, PmksCategory.FromCode(category).Value);

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
            candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan", "Pekerja sosial", Period(new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31)), practiceHours, PmksCategory.Kemiskinan), clock)
                .IsSuccess.Should().BeTrue();
        }

        if (trainingHours > 0)
        {
            candidate.RecordTraining(new TrainingRecordDetails("Bimtek", "Dinas Sosial Provinsi Lampung", Period(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)), trainingHours, TrainingKind.Bimtek), clock)
                .IsSuccess.Should().BeTrue();
        }

        candidate.ClearDomainEvents();
        return candidate;
    }
}

public static class PortfolioTestData
{
    public static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"kata{i}"));

    public static Domain.Portfolios.EvidenceDetails CaseRecord(string category = "kemiskinan", bool allStages = true) =>
        new(Domain.Portfolios.EvidenceKind.CaseRecord, $"Kasus {category}", "Pendampingan keluarga", new DateOnly(2025, 3, 1), PmksCategory.FromCode(category).Value,
            allStages ? Domain.Portfolios.HelpingStage.All : [Domain.Portfolios.HelpingStage.FromCode("engagement").Value, Domain.Portfolios.HelpingStage.FromCode("assessment").Value],
            Domain.Portfolios.ClientType.FromCode("family").Value);

    public static Domain.Portfolios.EvidenceDetails Document(string kind) =>
        new(Domain.Portfolios.EvidenceKind.FromCode(kind).Value, kind, null, new DateOnly(2025, 1, 1), null, [], null);

    /// <summary>A draft portfolio that meets every requirement of <paramref name="scheme"/>.</summary>
    public static Domain.Portfolios.Portfolio Complete(Candidate candidate, Domain.Schemes.CertificationScheme scheme, TimeProvider clock, PmksCategory? specialisation = null)
    {
        var portfolio = Domain.Portfolios.Portfolio.Open(candidate, scheme, specialisation, false, false, clock).Value;
        if (scheme.RequiresSpecialisation)
        {
            for (var i = 0; i < 5; i++)
            {
                portfolio.AddEvidence(CaseRecord(specialisation!.Code), clock).IsSuccess.Should().BeTrue();
            }
        }
        else
        {
            portfolio.AddEvidence(CaseRecord("kemiskinan"), clock);
            portfolio.AddEvidence(CaseRecord("kecacatan", allStages: false), clock);
            portfolio.AddEvidence(CaseRecord("keterlantaran", allStages: false), clock);
        }

        foreach (var requirement in scheme.PortfolioRequirements.OfType<Domain.Schemes.DocumentRequirement>())
        {
            portfolio.AddEvidence(Document(requirement.Kind.Code), clock).IsSuccess.Should().BeTrue();
        }

        foreach (var code in scheme.EssayCodes)
        {
            portfolio.WriteEssay(scheme, code, TestData.Text(Words(scheme.EssayMinimumWords)), clock).IsSuccess.Should().BeTrue();
        }

        portfolio.ClearDomainEvents();
        return portfolio;
    }
}
