using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Tests.Portfolios;

public sealed class PortfolioWithdrawalTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    [Theory]
    [InlineData("draft")]
    [InlineData("submitted")]
    [InlineData("returned")]
    [InlineData("accepted")]
    public void Withdraw_FromAnyOpenStatus_IsFinal(string status)
    {
        var portfolio = In(status);

        portfolio.Withdraw(TestData.Text("Pindah tugas."), false, _clock).IsSuccess.Should().BeTrue();

        portfolio.Status.Should().Be(PortfolioStatus.Withdrawn);
        portfolio.WithdrawalReason.Should().Be("Pindah tugas.");
        portfolio.DomainEvents.OfType<PortfolioWithdrawn>().Should().ContainSingle();
        portfolio.Withdraw(TestData.Text("Lagi."), false, _clock).Error!.Code.Should().Be("portfolio.not-open");
    }

    [Fact]
    public void Withdraw_WhileInAnUndecidedExam_IsRefused()
    {
        var portfolio = In("accepted");

        portfolio.Withdraw(TestData.Text("Pindah tugas."), true, _clock).Error!.Code.Should().Be("portfolio.in-exam");
        portfolio.Status.Should().Be(PortfolioStatus.Accepted);
    }

    [Fact]
    public void Withdraw_AClosedPortfolio_IsNotOpen()
    {
        var portfolio = In("accepted");
        portfolio.Close(_clock);

        portfolio.Withdraw(TestData.Text("Terlambat."), false, _clock).Error!.Code.Should().Be("portfolio.not-open");
    }

    [Fact]
    public void ChangeSpecialisation_WhileEditable_SetsIt_AndOnceSubmittedIsLocked()
    {
        var candidate = TestData.Candidate(practiceHours: 2_688, clock: _clock);
        var portfolio = Portfolio.Open(candidate, SchemeCatalog.PeksosSpesialis, null, false, false, _clock).Value;

        portfolio.ChangeSpecialisation(PmksCategory.Kecacatan, SchemeCatalog.PeksosSpesialis, _clock).IsSuccess.Should().BeTrue();
        portfolio.Specialisation.Should().Be(PmksCategory.Kecacatan);
        portfolio.Withdraw(TestData.Text("Belum siap."), false, _clock);
        portfolio.ChangeSpecialisation(PmksCategory.Kemiskinan, SchemeCatalog.PeksosSpesialis, _clock).Error!.Code.Should().Be("portfolio.locked");
    }

    [Fact]
    public void ChangeSpecialisation_OfAGeneralisPortfolio_IsNotApplicable()
    {
        var portfolio = In("draft");

        portfolio.ChangeSpecialisation(PmksCategory.Kecacatan, SchemeCatalog.PeksosGeneralis, _clock).Error!.Code.Should().Be("portfolio.specialisation-not-applicable");
    }

    private Portfolio In(string status)
    {
        var candidate = TestData.Candidate(practiceHours: 1_344, clock: _clock);
        var scheme = SchemeCatalog.PeksosGeneralis;
        var portfolio = PortfolioTestData.Complete(candidate, scheme, _clock);
        var eligible = new EligibilityContext(candidate, []);
        if (status != "draft")
        {
            portfolio.Submit(scheme, eligible, _clock).IsSuccess.Should().BeTrue();
        }

        if (status == "returned")
        {
            portfolio.Return(TestData.Text("Lengkapi."), _clock).IsSuccess.Should().BeTrue();
        }

        if (status == "accepted")
        {
            portfolio.Accept(scheme, eligible, _clock).IsSuccess.Should().BeTrue();
        }

        return portfolio;
    }
}
