using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Tests.Schemes;

public sealed class EligibilityTests
{
    private static IReadOnlyList<string> Unmet(CertificationScheme scheme, Candidate candidate, params string[] validCertificates) =>
        scheme.UnmetEligibility(new EligibilityContext(candidate, validCertificates)).Select(e => e.Code).ToList();

    [Fact]
    public void Generalis_Route1_With1344PracticeHoursAndSocialWorkDegree_IsEligible()
    {
        Unmet(SchemeCatalog.PeksosGeneralis, TestData.Candidate(practiceHours: 1_344)).Should().BeEmpty();
    }

    [Fact]
    public void Generalis_Route1_With1343PracticeHours_IsNotEligible()
    {
        var unmet = SchemeCatalog.PeksosGeneralis.UnmetEligibility(new EligibilityContext(TestData.Candidate(practiceHours: 1_343), []));

        unmet.Should().Contain(e => e.Code == "eligibility.practice-hours" && e.Message.StartsWith("Route 1", StringComparison.Ordinal) && e.Message.Contains("1,343"));
    }

    [Fact]
    public void Generalis_WhenNoRouteHolds_ListsEveryUnmetRuleOfEveryRoute()
    {
        var candidate = TestData.Candidate(practiceHours: 100, level: EducationLevel.D3, field: EducationField.Other);

        var unmet = SchemeCatalog.PeksosGeneralis.UnmetEligibility(new EligibilityContext(candidate, []));

        unmet.Select(e => e.Message[..7]).Should().Equal("Route 1", "Route 1", "Route 2", "Route 2", "Route 2");
        unmet.Select(e => e.Code).Should().Equal(
            "eligibility.education", "eligibility.practice-hours", "eligibility.education", "eligibility.practice-hours", "eligibility.training-hours");
    }

    [Fact]
    public void Generalis_Route2_AnyFieldWith2688PracticeAnd60TrainingHours_IsEligible()
    {
        Unmet(SchemeCatalog.PeksosGeneralis, TestData.Candidate(practiceHours: 2_688, trainingHours: 60, field: EducationField.Other)).Should().BeEmpty();
    }

    [Fact]
    public void Generalis_Route2_With59TrainingHours_IsNotEligible()
    {
        Unmet(SchemeCatalog.PeksosGeneralis, TestData.Candidate(practiceHours: 2_688, trainingHours: 59, field: EducationField.Other))
            .Should().Contain("eligibility.training-hours");
    }

    [Fact]
    public void Generalis_D4CountsAsS1()
    {
        Unmet(SchemeCatalog.PeksosGeneralis, TestData.Candidate(practiceHours: 1_344, level: EducationLevel.D4)).Should().BeEmpty();
    }

    [Fact]
    public void Generalis_D3_IsNotEligibleWhateverTheHours()
    {
        Unmet(SchemeCatalog.PeksosGeneralis, TestData.Candidate(practiceHours: 10_000, trainingHours: 500, level: EducationLevel.D3))
            .Should().Contain("eligibility.education");
    }

    [Fact]
    public void Spesialis_WithoutAGeneralisCertificate_IsNotEligible()
    {
        Unmet(SchemeCatalog.PeksosSpesialis, TestData.Candidate(practiceHours: 3_000, level: EducationLevel.S2))
            .Should().Equal("eligibility.prerequisite-certificate");
    }

    [Fact]
    public void Spesialis_WithGeneralisCertificateAndS2_IsEligible()
    {
        Unmet(SchemeCatalog.PeksosSpesialis, TestData.Candidate(level: EducationLevel.S2), "PEKSOS-GENERALIS").Should().BeEmpty();
    }

    [Fact]
    public void Spesialis_WithGeneralisCertificateAnd2688HoursButOnlyS1_IsEligible()
    {
        Unmet(SchemeCatalog.PeksosSpesialis, TestData.Candidate(practiceHours: 2_688), "PEKSOS-GENERALIS").Should().BeEmpty();
    }

    [Fact]
    public void Spesialis_WithGeneralisCertificate2687HoursAndS1_IsNotEligible()
    {
        Unmet(SchemeCatalog.PeksosSpesialis, TestData.Candidate(practiceHours: 2_687), "PEKSOS-GENERALIS").Should().Equal("eligibility.spesialis-depth");
    }

    [Fact]
    public void Tks_SmaWith4032PracticeAnd160TrainingHours_IsEligible()
    {
        Unmet(SchemeCatalog.TksGeneralis, TestData.Candidate(practiceHours: 4_032, trainingHours: 160, level: EducationLevel.Sma, field: EducationField.Other))
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData(4_031, 160, "eligibility.practice-hours")]
    [InlineData(4_032, 159, "eligibility.training-hours")]
    public void Tks_OneHourShort_IsNotEligible(int practice, int training, string code)
    {
        Unmet(SchemeCatalog.TksGeneralis, TestData.Candidate(practiceHours: practice, trainingHours: training, level: EducationLevel.Sma))
            .Should().Equal(code);
    }

    [Fact]
    public void Catalog_FindsSchemesByCode()
    {
        SchemeCatalog.Find("PEKSOS-SPESIALIS").Value.CertificatePrefix.Should().Be("PSS");
        SchemeCatalog.Find("peksos-spesialis").Error!.Code.Should().Be("scheme.not-found");
    }

    [Fact]
    public void Catalog_SchemeDefaults_AreDomainDefaults()
    {
        SchemeCatalog.All.Should().OnlyContain(s => s.ValidityYears == 5 && s.AppealWindowDays == 14 && s.MaxParticipantsPerAssessor == 10);
        SchemeCatalog.All.Select(s => ((StandardRecommendationPolicy)s.Recommendation).WrittenPassMark).Should().Equal(60, 70, 60);
    }
}
