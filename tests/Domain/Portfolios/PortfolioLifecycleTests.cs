using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;
using static Peksos.Clean.Domain.Tests.PortfolioTestData;

namespace Peksos.Clean.Domain.Tests.Portfolios;

public sealed class PortfolioLifecycleTests
{
    private static readonly CertificationScheme Generalis = SchemeCatalog.PeksosGeneralis;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestData.Clock();

    private static EligibilityContext Eligible(Candidate candidate) => new(candidate, []);

    private (Candidate Candidate, Portfolio Portfolio) Ready()
    {
        var candidate = TestData.Candidate(practiceHours: 1_344);
        return (candidate, Complete(candidate, Generalis, _clock));
    }

    [Fact]
    public void Open_WhenTheCandidateHoldsACertificateOfTheScheme_IsAlreadyCertified()
    {
        Portfolio.Open(TestData.Candidate(), Generalis, null, false, true, _clock).Error!.Code.Should().Be("portfolio.already-certified");
    }

    [Fact]
    public void Open_StartsAsDraftAndRaisesPortfolioOpened()
    {
        var candidate = TestData.Candidate();
        var portfolio = Portfolio.Open(candidate, Generalis, null, false, false, _clock).Value;

        portfolio.Status.Should().Be(PortfolioStatus.Draft);
        portfolio.CandidateId.Should().Be(candidate.Id);
        portfolio.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PortfolioOpened>();
    }

    [Fact]
    public void Open_WhenCandidateHasAnOpenPortfolioForTheScheme_IsAlreadyOpen()
    {
        Portfolio.Open(TestData.Candidate(), Generalis, null, true, false, _clock).Error!.Code.Should().Be("portfolio.already-open");
    }

    [Fact]
    public void Open_WithSpecialisationForASchemeWithout_IsRefused()
    {
        Portfolio.Open(TestData.Candidate(), Generalis, PmksCategory.Kecacatan, false, false, _clock).Error!.Code.Should().Be("portfolio.specialisation-not-applicable");
    }

    [Fact]
    public void Submit_WhenComplete_BecomesSubmitted()
    {
        var (candidate, portfolio) = Ready();

        portfolio.Submit(Generalis, Eligible(candidate), _clock).IsSuccess.Should().BeTrue();

        portfolio.Status.Should().Be(PortfolioStatus.Submitted);
        portfolio.SubmittedAt.Should().Be(_clock.GetUtcNow());
        portfolio.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PortfolioSubmitted>();
    }

    [Fact]
    public void Submit_WhenUnmet_ListsEveryUnmetItemIncludingEligibility()
    {
        var candidate = TestData.Candidate(practiceHours: 1_343);
        var portfolio = Portfolio.Open(candidate, Generalis, null, false, false, _clock).Value;

        var error = portfolio.Submit(Generalis, Eligible(candidate), _clock).Error!;

        error.Code.Should().Be("portfolio.requirements-unmet");
        error.Kind.Should().Be(Common.ErrorKind.Rule);
        error.Details.Select(d => d.Code).Should().Contain(["eligibility.practice-hours", "portfolio.case-records", "portfolio.missing-document.diploma", "portfolio.essay-missing"]);
        error.Details.Should().HaveCount(portfolio.Unmet(Generalis, Eligible(candidate)).Count);
        portfolio.Status.Should().Be(PortfolioStatus.Draft);
    }

    [Fact]
    public void Unmet_IsEmptyExactlyWhenSubmissionWouldPass()
    {
        var (candidate, portfolio) = Ready();

        portfolio.Unmet(Generalis, Eligible(candidate)).Should().BeEmpty();
    }

    [Fact]
    public void AddEvidence_WhenSubmitted_IsLocked()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);

        portfolio.AddEvidence(Document("other"), _clock).Error!.Code.Should().Be("portfolio.locked");
        portfolio.RemoveEvidence(portfolio.Evidence[0].Id, _clock).Error!.Code.Should().Be("portfolio.locked");
        portfolio.WriteEssay(Generalis, EssayCode.Parse("K1").Value, TestData.Text(Words(60)), _clock).Error!.Code.Should().Be("portfolio.locked");
    }

    [Fact]
    public void AddEvidence_WhenAccepted_IsLocked()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);
        portfolio.Accept(Generalis, Eligible(candidate), _clock);

        portfolio.AddEvidence(Document("other"), _clock).Error!.Code.Should().Be("portfolio.locked");
    }

    [Fact]
    public void Return_ThenEdit_ThenResubmit_Works()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);

        portfolio.Return(TestData.Text("Surat keterangan kerja belum ditandatangani."), _clock).IsSuccess.Should().BeTrue();
        portfolio.Status.Should().Be(PortfolioStatus.Returned);
        portfolio.ReturnReason.Should().Be("Surat keterangan kerja belum ditandatangani.");

        portfolio.AddEvidence(Document("work-experience-letter"), _clock).IsSuccess.Should().BeTrue();
        portfolio.Submit(Generalis, Eligible(candidate), _clock).IsSuccess.Should().BeTrue();
        portfolio.Status.Should().Be(PortfolioStatus.Submitted);
        portfolio.ReturnReason.Should().BeNull();
    }

    [Fact]
    public void Return_WithoutReason_IsRefused()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);

        Portfolio.ParseReturnReason("  ").Error!.Code.Should().Be("portfolio.return-reason-required");
        portfolio.Status.Should().Be(PortfolioStatus.Submitted);
    }

    [Fact]
    public void Accept_WhenDraft_IsNotSubmitted()
    {
        var (candidate, portfolio) = Ready();

        portfolio.Accept(Generalis, Eligible(candidate), _clock).Error!.Code.Should().Be("portfolio.not-submitted");
        portfolio.Return(TestData.Text("x"), _clock).Error!.Code.Should().Be("portfolio.not-submitted");
    }

    [Fact]
    public void Submit_WhenAlreadySubmitted_IsLocked()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);

        portfolio.Submit(Generalis, Eligible(candidate), _clock).Error!.Code.Should().Be("portfolio.locked");
    }

    [Fact]
    public void Accept_RaisesPortfolioAccepted()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);
        portfolio.ClearDomainEvents();

        portfolio.Accept(Generalis, Eligible(candidate), _clock).IsSuccess.Should().BeTrue();

        portfolio.Status.Should().Be(PortfolioStatus.Accepted);
        portfolio.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PortfolioAccepted>();
    }

    [Fact]
    public void WriteEssay_WithCodeOutsideTheScheme_IsRefused()
    {
        var portfolio = Portfolio.Open(TestData.Candidate(), SchemeCatalog.TksGeneralis, null, false, false, _clock).Value;

        portfolio.WriteEssay(SchemeCatalog.TksGeneralis, EssayCode.Parse("K5").Value, TestData.Text(Words(60)), _clock).Error!.Code.Should().Be("essay.code-not-in-scheme");
    }

    [Fact]
    public void WriteEssay_Twice_KeepsTheLatestText()
    {
        var portfolio = Portfolio.Open(TestData.Candidate(), Generalis, null, false, false, _clock).Value;
        var code = EssayCode.Parse("S2").Value;

        portfolio.WriteEssay(Generalis, code, TestData.Text("first"), _clock);
        portfolio.WriteEssay(Generalis, code, TestData.Text("second"), _clock);

        portfolio.Essays.Should().ContainSingle().Which.Text.Should().Be("second");
    }

    [Fact]
    public void Essays_AreKeptInKsvOrder()
    {
        var portfolio = Portfolio.Open(TestData.Candidate(), Generalis, null, false, false, _clock).Value;
        foreach (var code in new[] { "V1", "K2", "S1", "K1" })
        {
            portfolio.WriteEssay(Generalis, EssayCode.Parse(code).Value, TestData.Text("teks"), _clock);
        }

        portfolio.Essays.Select(e => e.Code.Value).Should().Equal("K1", "K2", "S1", "V1");
    }

    [Fact]
    public void RemoveEvidence_Unknown_IsNotFound()
    {
        var portfolio = Portfolio.Open(TestData.Candidate(), Generalis, null, false, false, _clock).Value;

        portfolio.RemoveEvidence(Guid.NewGuid(), _clock).Error!.Code.Should().Be("evidence.not-found");
    }

    [Fact]
    public void AddEvidence_DatedInTheFuture_IsRefused()
    {
        var portfolio = Portfolio.Open(TestData.Candidate(), Generalis, null, false, false, _clock).Value;
        var details = Document("diploma") with { DocumentDate = new DateOnly(2027, 1, 1) };

        portfolio.AddEvidence(details, _clock).Error!.Code.Should().Be("evidence.date-in-future");
    }

    [Fact]
    public void Close_AfterAcceptance_ClosesTheDoorForANewPortfolio()
    {
        var (candidate, portfolio) = Ready();
        portfolio.Submit(Generalis, Eligible(candidate), _clock);
        portfolio.Accept(Generalis, Eligible(candidate), _clock);

        portfolio.Close(_clock).IsSuccess.Should().BeTrue();

        portfolio.Status.Should().Be(PortfolioStatus.Closed);
        portfolio.Status.IsEditable.Should().BeFalse();
    }
}
