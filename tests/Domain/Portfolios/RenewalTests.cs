using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;
using Peksos.Clean.Domain.Tests.Exams;

namespace Peksos.Clean.Domain.Tests.Portfolios;

/// <summary>Renewal (domain §12): the window at its edges, hours dated inside the validity, the lighter requirements and the superseded certificate.</summary>
public sealed class RenewalTests
{
    private static readonly CertificationScheme Generalis = SchemeCatalog.PeksosGeneralis;

    // Valid 27 Nov 2026 – 26 Nov 2031: the window runs 26 May 2031 – 26 Feb 2032.
    private static readonly RenewedCertificate Held =
        new(CertificateNumber.Create("PSG", 2026, 1), new DateOnly(2026, 11, 27), new DateOnly(2031, 11, 26), CertificateStatus.Active);

    [Theory]
    [InlineData("2031-05-25", false)]
    [InlineData("2031-05-26", true)]
    [InlineData("2032-02-26", true)]
    [InlineData("2032-02-27", false)]
    public void TheWindow_OpensSixMonthsBefore_AndClosesThreeMonthsAfterValidUntil(string today, bool open)
    {
        var clock = ClockOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        var opened = Portfolio.OpenRenewal(TestData.Candidate(clock: clock), Generalis, null, false, Held, clock);

        if (open)
        {
            opened.Value.Purpose.Should().Be(PortfolioPurpose.Renewal);
            opened.Value.Renews.Should().Be(Held.Number);
        }
        else
        {
            opened.Error!.Code.Should().Be("portfolio.renewal-not-open");
            opened.Error.Message.Should().Contain("2031-05-26").And.Contain("2032-02-26");
        }
    }

    [Fact]
    public void WithoutACertificateToRenew_TheRenewalIsNotOpen()
    {
        var clock = ClockOn(new DateOnly(2031, 6, 1));
        Portfolio.OpenRenewal(TestData.Candidate(clock: clock), Generalis, null, false, null, clock).Error!.Code.Should().Be("portfolio.renewal-not-open");
    }

    [Fact]
    public void HoursCount_OnlyForTheDaysInsideTheValidity_ProRata()
    {
        var clock = ClockOn(new DateOnly(2031, 6, 1));
        var candidate = TestData.Candidate(clock: clock);
        candidate.RecordPractice(TestData.Practice(new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31), 5_000), clock).IsSuccess.Should().BeTrue();
        candidate.RecordPractice(TestData.Practice(new DateOnly(2026, 11, 17), new DateOnly(2026, 12, 6), 200), clock).IsSuccess.Should().BeTrue();
        candidate.RecordPractice(TestData.Practice(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), 899), clock).IsSuccess.Should().BeTrue();

        candidate.PracticeHoursWithin(Held.Validity).Should().Be(999, "10 of the straddling record's 20 days fall inside: 100 of its 200 hours");
        var facts = new EligibilityContext(candidate, [Generalis.Code], [Generalis.Code], Held);
        Generalis.UnmetEligibility(facts).Select(e => e.Code).Should().BeEquivalentTo("eligibility.renewal-practice-hours", "eligibility.renewal-training-hours");

        candidate.RecordPractice(TestData.Practice(new DateOnly(2029, 1, 1), new DateOnly(2029, 1, 1), 1), clock).IsSuccess.Should().BeTrue();
        candidate.RecordTraining(new TrainingRecordDetails("Diklat", "Kemensos", TestData.Period(new DateOnly(2029, 3, 1), new DateOnly(2029, 3, 5)), 40, TrainingKind.Diklat), clock)
            .IsSuccess.Should().BeTrue();
        Generalis.UnmetEligibility(facts).Should().BeEmpty("1,000 practice and 40 training hours inside the validity meet the renewal route");
    }

    [Fact]
    public void ARenewal_IsNotRefusedForTheCertificateItRenews_ButAnInitialPortfolioIs()
    {
        var candidate = TestData.Candidate(practiceHours: 1_344);
        var initial = new EligibilityContext(candidate, [Generalis.Code], [Generalis.Code]);
        CompetencyExam.UnmetEligibility(Generalis, initial).Select(e => e.Code).Should().Contain("portfolio.already-certified");

        var renewal = initial with { Renewing = Held with { Status = CertificateStatus.Suspended } };
        CompetencyExam.UnmetEligibility(Generalis, renewal).Select(e => e.Code).Should()
            .Contain("eligibility.renewed-certificate", "a suspended certificate is reinstated before it is renewed").And.NotContain("portfolio.already-certified");
    }

    [Fact]
    public void ARenewalPortfolio_NeedsTwoCaseRecordsAndTheWorkExperienceLetter_AndNoEssays()
    {
        var clock = ClockOn(new DateOnly(2031, 6, 1));
        var candidate = TestData.Candidate(clock: clock);
        var portfolio = Portfolio.OpenRenewal(candidate, Generalis, null, false, Held, clock).Value;
        Generalis.UnmetRequirements(portfolio.Contents).Select(e => e.Code).Should()
            .BeEquivalentTo("portfolio.case-records", "portfolio.missing-document.work-experience-letter");

        portfolio.AddEvidence(PortfolioTestData.CaseRecord(), clock).IsSuccess.Should().BeTrue();
        portfolio.AddEvidence(PortfolioTestData.CaseRecord("kecacatan", allStages: false), clock).IsSuccess.Should().BeTrue();
        portfolio.AddEvidence(PortfolioTestData.Document("work-experience-letter"), clock).IsSuccess.Should().BeTrue();
        Generalis.UnmetRequirements(portfolio.Contents).Should().BeEmpty();
        portfolio.WriteEssay(Generalis, EssayCode.Parse("K1").Value, TestData.Text(PortfolioTestData.Words(60)), clock).Error!.Code.Should().Be("essay.code-not-in-scheme");
    }

    [Fact]
    public void ASupersededCertificate_IsNeverValid_AndNothingChangesItAgain()
    {
        var clock = TestData.Clock();
        var result = ExamScenario.Decided(clock).Competent[0];
        var old = Certificate.Issue(result, Generalis, Held.Number, "Siti Rahmawati, S.Sos.", false, clock).Value;
        var successor = CertificateNumber.Create("PSG", 2031, 7);

        old.Supersede(successor, clock).IsSuccess.Should().BeTrue();

        old.StatusOn(new DateOnly(2031, 6, 1)).Should().Be(CertificateStatus.Superseded);
        old.StatusOn(new DateOnly(2040, 1, 1)).Should().Be(CertificateStatus.Superseded, "a final status outlasts the validity");
        old.IsValidOn(new DateOnly(2031, 6, 1)).Should().BeFalse();
        old.SupersededBy.Should().Be(successor);
        old.DomainEvents.OfType<CertificateSuperseded>().Should().ContainSingle();
        old.Suspend(TestData.Text("Aduan."), clock).Error!.Code.Should().Be("certificate.superseded-final");
        old.Reissue("Siti R.", TestData.Text("Nama."), clock).Error!.Code.Should().Be("certificate.superseded-final");
        old.Supersede(successor, clock).Error!.Code.Should().Be("certificate.superseded-final");
    }

    [Fact]
    public void OnlyAnActiveCertificate_IsSuperseded()
    {
        var clock = TestData.Clock();
        var certificate = Certificate.Issue(ExamScenario.Decided(clock).Competent[0], Generalis, Held.Number, "Siti Rahmawati, S.Sos.", false, clock).Value;
        certificate.Suspend(TestData.Text("Aduan."), clock).IsSuccess.Should().BeTrue();

        certificate.Supersede(CertificateNumber.Create("PSG", 2031, 7), clock).Error!.Code.Should().Be("certificate.not-renewable");
    }

    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider ClockOn(DateOnly day)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        clock.SetLocalTimeZone(TestData.Wib);
        return clock;
    }
}
