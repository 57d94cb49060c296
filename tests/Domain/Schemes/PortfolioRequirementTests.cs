using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;
using static Peksos.Clean.Domain.Tests.PortfolioTestData;

namespace Peksos.Clean.Domain.Tests.Schemes;

public sealed class PortfolioRequirementTests
{
    private static readonly TimeProvider Clock = TestData.Clock();

    private static Portfolio Draft(CertificationScheme? scheme = null, PmksCategory? specialisation = null) =>
        Portfolio.Open(TestData.Candidate(), scheme ?? SchemeCatalog.PeksosGeneralis, specialisation, false, false, Clock).Value;

    private static List<string> Unmet(Portfolio portfolio, CertificationScheme? scheme = null) =>
        (scheme ?? SchemeCatalog.PeksosGeneralis).UnmetRequirements(portfolio.Contents).Select(e => e.Code).ToList();

    [Fact]
    public void EmptyGeneralisPortfolio_ListsEveryRequirementAtOnce()
    {
        var unmet = Unmet(Draft());

        unmet.Should().Contain(["portfolio.case-records", "portfolio.case-record-categories", "portfolio.full-helping-process",
            "portfolio.missing-document.work-experience-letter", "portfolio.missing-document.organisation-recommendation",
            "portfolio.missing-document.diploma"]);
        unmet.Count(c => c == "portfolio.essay-missing").Should().Be(14);
    }

    [Fact]
    public void CompleteGeneralisPortfolio_MeetsEveryRequirement()
    {
        Unmet(Complete(TestData.Candidate(), SchemeCatalog.PeksosGeneralis, Clock)).Should().BeEmpty();
    }

    [Fact]
    public void CaseRecords_WhenAllInOneCategory_ListsCategoryCoverage()
    {
        var portfolio = Draft();
        for (var i = 0; i < 3; i++)
        {
            portfolio.AddEvidence(CaseRecord("kemiskinan"), Clock);
        }

        Unmet(portfolio).Should().Contain("portfolio.case-record-categories").And.NotContain("portfolio.case-records");
    }

    [Fact]
    public void CaseRecords_WhenTwo_ListsCaseRecordCount()
    {
        var portfolio = Draft();
        portfolio.AddEvidence(CaseRecord("kemiskinan"), Clock);
        portfolio.AddEvidence(CaseRecord("kecacatan"), Clock);

        Unmet(portfolio).Should().Contain("portfolio.case-records").And.NotContain("portfolio.case-record-categories");
    }

    [Fact]
    public void CaseRecords_WhenNoneCoversAllSixStages_ListsFullHelpingProcess()
    {
        var portfolio = Draft();
        portfolio.AddEvidence(CaseRecord("kemiskinan", allStages: false), Clock);
        portfolio.AddEvidence(CaseRecord("kecacatan", allStages: false), Clock);
        portfolio.AddEvidence(CaseRecord("keterlantaran", allStages: false), Clock);

        Unmet(portfolio).Should().Contain("portfolio.full-helping-process");
    }

    [Fact]
    public void Essay_With49Words_IsTooShort()
    {
        var portfolio = Complete(TestData.Candidate(), SchemeCatalog.PeksosGeneralis, Clock);
        portfolio.WriteEssay(SchemeCatalog.PeksosGeneralis, EssayCode.Parse("K3").Value, TestData.Text(Words(49)), Clock);

        var unmet = SchemeCatalog.PeksosGeneralis.UnmetRequirements(portfolio.Contents);

        unmet.Should().ContainSingle().Which.Should().Match<Domain.Common.Error>(e => e.Code == "portfolio.essay-too-short" && e.Message.Contains("K3") && e.Message.Contains("49"));
    }

    [Fact]
    public void Essay_With50Words_IsEnough()
    {
        var portfolio = Complete(TestData.Candidate(), SchemeCatalog.PeksosGeneralis, Clock);
        portfolio.WriteEssay(SchemeCatalog.PeksosGeneralis, EssayCode.Parse("K3").Value, TestData.Text(Words(50)), Clock);

        Unmet(portfolio).Should().BeEmpty();
    }

    [Fact]
    public void Essay_WordCount_IgnoresPunctuationAndExtraSpace()
    {
        new Essay(EssayCode.Parse("K1").Value, "  Saya   bekerja, sebagai pendamping-PKH — sejak 2015.  ").WordCount.Should().Be(6);
    }

    [Fact]
    public void Tks_NeedsTwoCaseRecordsTrainingCertificateAndEightEssays()
    {
        var unmet = Unmet(Draft(SchemeCatalog.TksGeneralis), SchemeCatalog.TksGeneralis);

        unmet.Should().Contain(["portfolio.case-records", "portfolio.missing-document.work-experience-letter", "portfolio.missing-document.training-certificate"]);
        unmet.Count(c => c == "portfolio.essay-missing").Should().Be(8);
        unmet.Should().NotContain("portfolio.missing-document.diploma");
    }

    [Fact]
    public void Spesialis_WithoutSpecialisation_ListsSpecialisationRequired()
    {
        Unmet(Draft(SchemeCatalog.PeksosSpesialis), SchemeCatalog.PeksosSpesialis).Should().Contain("portfolio.specialisation-required");
    }

    [Fact]
    public void Spesialis_With4CaseRecordsInSpecialisation_ListsSpecialisationCaseRecords()
    {
        var portfolio = Draft(SchemeCatalog.PeksosSpesialis, PmksCategory.Kecacatan);
        for (var i = 0; i < 4; i++)
        {
            portfolio.AddEvidence(CaseRecord("kecacatan"), Clock);
        }

        portfolio.AddEvidence(CaseRecord("kemiskinan"), Clock);

        Unmet(portfolio, SchemeCatalog.PeksosSpesialis).Should().Contain("portfolio.specialisation-case-records");
    }

    [Fact]
    public void Spesialis_Complete_MeetsEveryRequirement()
    {
        Unmet(Complete(TestData.Candidate(), SchemeCatalog.PeksosSpesialis, Clock, PmksCategory.Kecacatan), SchemeCatalog.PeksosSpesialis).Should().BeEmpty();
    }
}
