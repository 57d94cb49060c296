using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Dinas Sosial Kota Bandar Lampung", "dinas sosial kota bandar lampung")]
    [InlineData("Dinas\u00a0Sosial  Kota Bandar Lampung", "dinas sosial kota bandar lampung")]
    [InlineData("Dinas Sos\u200bial Kota Bandar Lampung", "dinas sosial kota bandar lampung")]
    [InlineData("  DINAS SOSIAL KOTA BANDAR LAMPUNG. ", "dinas sosial kota bandar lampung")]
    [InlineData("Dinas\u3000Sosial\tKota\u2003Bandar Lampung", "dinas sosial kota bandar lampung")]
    [InlineData("LKS \u201cHarapan\u201d, Metro", "lks harapan metro")]
    [InlineData("\uff2c\uff2b\uff33 Harapan", "lks harapan")] // full-width letters, NFKC
    public void Fold_MakesOneKeyOfEveryWayOfWritingAnOrganisation(string written, string key) => TextKey.Fold(written).Should().Be(key);

    [Fact]
    public void Fold_OfAKeyStoredTheOldWay_IsTheSameKey() =>
        TextKey.Fold("LKS \"HARAPAN\", METRO").Should().Be(TextKey.Fold("LKS \u201cHarapan\u201d,\u00a0Metro"));

    [Fact]
    public void Nfc_ComposesADecomposedName()
    {
        var decomposed = "Jose\u0301 Ramos";

        TextKey.Nfc(decomposed).Should().Be("Jos\u00e9 Ramos");
        Text.Required(decomposed, 100, "x").Value.Should().Be("Jos\u00e9 Ramos");
    }

    [Theory]
    [InlineData("Jos\u00e9 Ramos-Horta", new[] { "jose", "ramos", "horta" })]
    [InlineData("Jose\u0301 Ramos-Horta", new[] { "jose", "ramos", "horta" })]
    [InlineData("Siti Rahmawati, S.Sos.", new[] { "siti", "rahmawati", "ssos" })]
    [InlineData("Dra.\u00a0Wahyuni", new[] { "dra", "wahyuni" })]
    public void SearchWords_SplitAtSpacesAndHyphens_WithoutCaseOrDiacritics(string name, string[] words) =>
        TextKey.SearchWords(name).Should().Equal(words);
}
