using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests.Reference;

public sealed class PmksTests
{
    [Fact]
    public void Categories_AreTheSixWithStableCodes()
    {
        PmksCategory.All.Select(c => c.Code).Should().Equal(
            "kemiskinan", "kecacatan", "ketunaan-sosial", "keterlantaran", "korban-kekerasan", "korban-bencana");
    }

    [Fact]
    public void Types_AreThe26OfPermensos8Of2012WithUniqueCodes()
    {
        PmksType.All.Should().HaveCount(26);
        PmksType.All.Select(t => t.Code).Should().OnlyHaveUniqueItems();
        PmksType.All.Should().OnlyContain(t => t.Code.All(c => char.IsAsciiLetterLower(c) || c == '-'));
    }

    [Fact]
    public void KomunitasAdatTerpencil_BelongsToNoCategory()
    {
        PmksType.FromCode("komunitas-adat-terpencil").Value.Categories.Should().BeEmpty();
    }

    [Theory]
    [InlineData("gelandangan", "ketunaan-sosial", "kemiskinan")]
    [InlineData("pengemis", "ketunaan-sosial", "kemiskinan")]
    [InlineData("anak-yang-berhadapan-dengan-hukum", "ketunaan-sosial", "korban-kekerasan")]
    public void SomeTypes_SitInTwoCategories(string type, string first, string second)
    {
        PmksType.FromCode(type).Value.Categories.Select(c => c.Code).Should().Equal(first, second);
    }

    [Fact]
    public void EveryCategory_HasAtLeastOneType()
    {
        PmksCategory.All.Should().OnlyContain(c => PmksType.In(c).Count > 0);
    }

    [Fact]
    public void Provinces_Are38WithUniqueTwoDigitCodes()
    {
        Regions.Provinces.Should().HaveCount(38);
        Regions.Provinces.Select(p => p.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.Length == 2);
    }

    [Fact]
    public void LampungRegencies_Are15()
    {
        Regions.Regencies.Should().HaveCount(15).And.OnlyContain(r => r.Code.StartsWith("18.", StringComparison.Ordinal));
    }
}
