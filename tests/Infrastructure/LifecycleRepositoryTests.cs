using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.Assessors;
using Peksos.Clean.Infrastructure.Persistence.Candidates;
using Peksos.Clean.Infrastructure.Persistence.Certificates;
using Peksos.Clean.Infrastructure.Persistence.Exams;
using Peksos.Clean.Infrastructure.Persistence.Portfolios;

namespace Peksos.Clean.Infrastructure.Tests;

/// <summary>Every lifecycle repository round-trips its aggregate whole, on each engine.</summary>
public abstract class LifecycleRepositoryTests(DatabaseProvider provider)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    private static async Task<T> InTransaction<T>(RepositoryFixture fixture, Func<DbSession, Task<T>> work)
    {
        await using var session = fixture.NewSession();
        await session.BeginAsync(default);
        var result = await work(session);
        await session.CommitAsync(default);
        return result;
    }

    private async Task<(Candidate Candidate, Portfolio Portfolio, Assessor Assessor)> Seed(RepositoryFixture fixture)
    {
        var candidate = Candidate.Register(new CandidateProfile(
            Nik.Parse("1871014506900003").Value, PersonName.Parse("Siti Rahmawati, S.Sos.").Value, new DateOnly(1990, 6, 5), Sex.Female,
            Email.Parse("siti@example.org").Value, PhoneNumber.Parse("081234567890").Value,
            new Education(EducationLevel.S1, EducationField.KesejahteraanSosial, null, null),
            new Employment(EmploymentType.Lks, "LKS Harapan", RegionCode.Parse("18.71").Value), [PmksCategory.Kemiskinan]), _clock).Value;
        var portfolio = Portfolio.Open(candidate, SchemeCatalog.PeksosGeneralis, null, false, false, _clock).Value;
        portfolio.AddEvidence(new EvidenceDetails(EvidenceKind.CaseRecord, "Kasus keluarga", "Catatan\nlengkap", new DateOnly(2025, 3, 1), PmksCategory.Kemiskinan,
            [HelpingStage.FromCode("engagement").Value, HelpingStage.FromCode("assessment").Value, HelpingStage.FromCode("termination").Value],
            ClientType.FromCode("family").Value), _clock);
        portfolio.AddEvidence(new EvidenceDetails(EvidenceKind.Diploma, "Ijazah S1", null, null, null, [], null), _clock);
        portfolio.WriteEssay(SchemeCatalog.PeksosGeneralis, EssayCode.Parse("S2").Value, Text("Saya bekerja dengan keluarga."), _clock);
        portfolio.WriteEssay(SchemeCatalog.PeksosGeneralis, EssayCode.Parse("K1").Value, Text("Pengetahuan dasar."), _clock);
        var assessor = Assessor.Register(PersonName.Parse("Bambang Sutrisno").Value, "MET.1", "Universitas Lampung", Email.Parse("b@example.org").Value, _clock);
        await InTransaction(fixture, async s =>
        {
            var tracker = new ChangeTracker();
            (await new CandidateRepository(s, fixture.NikProtector, tracker).AddAsync(candidate, default)).IsSuccess.Should().BeTrue();
            (await new PortfolioRepository(s, tracker).AddAsync(portfolio, default)).IsSuccess.Should().BeTrue();
            (await new AssessorRepository(s, tracker).AddAsync(assessor, default)).IsSuccess.Should().BeTrue();
            return 0;
        });
        return (candidate, portfolio, assessor);
    }

    [SkippableFact]
    public async Task Portfolio_RoundTripsEvidenceEssaysAndStatus()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var (_, portfolio, _) = await Seed(fixture);

        await using var reader = fixture.NewSession();
        var loaded = await new PortfolioRepository(reader, new ChangeTracker()).GetAsync(portfolio.Id, default);

        loaded!.Evidence.Should().BeEquivalentTo(portfolio.Evidence, o => o.WithStrictOrdering());
        loaded.Essays.Select(e => e.Code.Value).Should().Equal("K1", "S2");
        loaded.Status.Should().Be(PortfolioStatus.Draft);
        loaded.Version.Should().Be(1);
        (await new PortfolioRepository(reader, new ChangeTracker()).HasOpenPortfolioAsync(portfolio.CandidateId, "PEKSOS-GENERALIS", default)).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Exam_RoundTripsParticipantsAssessmentsDecisionAndAppeal()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var (candidate, portfolio, assessor) = await Seed(fixture);
        var participantId = Guid.CreateVersion7();
        var sheet = new AssessmentSheet(72, AssessmentResult.Competent, "Baik.",
            portfolio.Evidence.Select(e => new EvidenceVerdict(e.Id, new VatmVerdict(true, true, e.Kind != EvidenceKind.Diploma, true), "catatan")).ToList(),
            [new EssayScore(EssayCode.Parse("K1").Value, 4), new EssayScore(EssayCode.Parse("S2").Value, 2)]);
        var outcome = AssessmentRecommendation.Recommend(sheet, portfolio.Contents, SchemeCatalog.PeksosGeneralis);
        var exam = CompetencyExam.Rehydrate(ExamId.New(), "PEKSOS-GENERALIS", "Ujikom", "TUK", RegionCode.Parse("18").Value, new DateOnly(2026, 12, 1), 10,
            ExamStatus.Decided, _clock.GetUtcNow(), _clock.GetUtcNow(), new PlenaryDecision("SK-1", [new PanelMember("Ketua", null), new PanelMember("Anggota", AssessorId.New())], _clock.GetUtcNow(), new DateOnly(2026, 12, 15)),
            0,
            [new ExamAssessor(assessor.Id, assessor.FullName.Value, assessor.OrganisationKey)],
            [new ImpartialityDeclaration(assessor.Id, "Netral.", _clock.GetUtcNow())],
            [ExamParticipant.Rehydrate(participantId, portfolio.Id, candidate.Id, candidate.OrganisationKey, assessor.Id, _clock.GetUtcNow(),
                new Assessment(sheet, outcome, _clock.GetUtcNow()), AssessmentResult.NotYetCompetent, null,
                new Appeal("Mohon ditinjau.", _clock.GetUtcNow(), false, "Ditolak.", _clock.GetUtcNow()), null, 0)]);

        await InTransaction(fixture, async s => (await new ExamRepository(s, new ChangeTracker()).AddAsync(exam, default)).IsSuccess.Should().BeTrue());
        await using var reader = fixture.NewSession();
        var loaded = await new ExamRepository(reader, new ChangeTracker()).GetAsync(exam.Id, default);

        loaded!.Status.Should().Be(ExamStatus.Decided);
        loaded.Decision.Should().BeEquivalentTo(exam.Decision);
        loaded.Assessors.Should().BeEquivalentTo(exam.Assessors);
        loaded.Declarations.Should().BeEquivalentTo(exam.Declarations);
        var participant = loaded.Participants.Single();
        participant.Assessment.Should().BeEquivalentTo(exam.Participants[0].Assessment);
        participant.Assessment!.Outcome.Recommendation.Should().Be(AssessmentResult.NotYetCompetent);
        participant.Result.Should().Be(AssessmentResult.NotYetCompetent);
        participant.Appeal.Should().Be(exam.Participants[0].Appeal);
        (await new ExamRepository(reader, new ChangeTracker()).IsInUndecidedExamAsync(candidate.Id, "PEKSOS-GENERALIS", ExamId.New(), default)).Should().BeFalse();
    }

    [SkippableFact]
    public async Task Certificate_RoundTripsHistoryAndToken_AndSerialsCountPerPrefixAndYear()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var (candidate, portfolio, assessor) = await Seed(fixture);
        var participantId = Guid.CreateVersion7();
        var exam = CompetencyExam.Rehydrate(ExamId.New(), "PEKSOS-GENERALIS", "Ujikom", "TUK", RegionCode.Parse("18").Value, new DateOnly(2026, 12, 1), 10,
            ExamStatus.Decided, _clock.GetUtcNow(), null, null, 0, [new ExamAssessor(assessor.Id, "B", "X")], [],
            [ExamParticipant.Rehydrate(participantId, portfolio.Id, candidate.Id, "LKS HARAPAN", assessor.Id, _clock.GetUtcNow(), null, AssessmentResult.Competent, null, null, null, 0)]);
        await InTransaction(fixture, async s => (await new ExamRepository(s, new ChangeTracker()).AddAsync(exam, default)).IsSuccess.Should().BeTrue());

        var serials = await InTransaction(fixture, async s =>
        {
            var repository = new CertificateRepository(s, new ChangeTracker());
            return new[]
            {
                await repository.NextSerialAsync("PSG", 2026, default), await repository.NextSerialAsync("PSG", 2026, default),
                await repository.NextSerialAsync("PSS", 2026, default), await repository.NextSerialAsync("PSG", 2027, default),
            };
        });
        serials.Should().Equal(1, 2, 1, 1);

        var result = new CompetentResult(exam.Id, participantId, candidate.Id, portfolio.Id, "PEKSOS-GENERALIS", 1, "plenary decision SK-1");
        var certificate = Certificate.Issue(result, SchemeCatalog.PeksosGeneralis, CertificateNumber.Create("PSG", 2026, 3), "Siti Rahmawati, S.Sos.", false, _clock).Value;
        certificate.AttachSignedToken("header.payload.signature");
        certificate.Suspend(Text("Diperiksa."), _clock);
        await InTransaction(fixture, async s => (await new CertificateRepository(s, new ChangeTracker()).AddAsync(certificate, "18.71", default)).IsSuccess.Should().BeTrue());
        await InTransaction(fixture, async s =>
        {
            var repository = new CertificateRepository(s, new ChangeTracker());
            var stored = await repository.GetAsync(certificate.Number, default);
            stored!.Reinstate(Text("Selesai."), _clock).IsSuccess.Should().BeTrue();
            return (await repository.UpdateAsync(stored, default)).IsSuccess.Should().BeTrue();
        });

        await using var reader = fixture.NewSession();
        var loaded = await new CertificateRepository(reader, new ChangeTracker()).GetAsync(certificate.Number, default);
        loaded!.Status.Should().Be(CertificateStatus.Active);
        loaded.SignedToken.Should().Be("header.payload.signature");
        loaded.History.Select(h => h.Action).Should().Equal("issued", "suspended", "reinstated");
        loaded.ValidUntil.Should().Be(new DateOnly(2031, 11, 26));
        loaded.Version.Should().Be(2);
        (await new CertificateRepository(reader, new ChangeTracker()).HoldsCertificateAsync(candidate.Id, "PEKSOS-GENERALIS", new DateOnly(2026, 11, 27), default))
            .Should().BeTrue();
        var reinstated = await new CertificateRepository(reader, new ChangeTracker()).SchemeHoldingsAsync(candidate.Id, new DateOnly(2026, 11, 27), default);
        reinstated.Valid.Should().Equal("PEKSOS-GENERALIS");
        reinstated.Held.Should().Equal("PEKSOS-GENERALIS");
        var expired = await new CertificateRepository(reader, new ChangeTracker()).SchemeHoldingsAsync(candidate.Id, new DateOnly(2031, 11, 27), default);
        expired.Valid.Should().BeEmpty();
        expired.Held.Should().BeEmpty();
    }

    private static Narrative Text(string text) => Narrative.Parse(text, 4_000, "test.text-invalid").Value;
}

public sealed class SqliteLifecycleRepositoryTests() : LifecycleRepositoryTests(DatabaseProvider.Sqlite);

public sealed class PostgresLifecycleRepositoryTests() : LifecycleRepositoryTests(DatabaseProvider.Postgres);
