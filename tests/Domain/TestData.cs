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

public static class PortfolioTestData
{
    public static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"kata{i}"));

    public static Domain.Portfolios.EvidenceDetails CaseRecord(string category = "kemiskinan", bool allStages = true) =>
        Domain.Portfolios.EvidenceDetails.Create("case-record", $"Kasus {category}", "Pendampingan keluarga", new DateOnly(2025, 3, 1), category,
            allStages ? ["engagement", "assessment", "planning", "intervention", "evaluation", "termination"] : ["engagement", "assessment"],
            "family").Value;

    public static Domain.Portfolios.EvidenceDetails Document(string kind) =>
        Domain.Portfolios.EvidenceDetails.Create(kind, kind, null, new DateOnly(2025, 1, 1), null, null, null).Value;

    /// <summary>A draft portfolio that meets every requirement of <paramref name="scheme"/>.</summary>
    public static Domain.Portfolios.Portfolio Complete(Candidate candidate, Domain.Schemes.CertificationScheme scheme, TimeProvider clock, PmksCategory? specialisation = null)
    {
        var portfolio = Domain.Portfolios.Portfolio.Open(candidate, scheme, specialisation, false, clock).Value;
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
            portfolio.WriteEssay(scheme, code, Words(scheme.EssayMinimumWords), clock).IsSuccess.Should().BeTrue();
        }

        portfolio.ClearDomainEvents();
        return portfolio;
    }
}
