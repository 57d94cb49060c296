using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class PersonNameKeyTests
{
    [Theory]
    [InlineData("Drs. Hartono, M.Si.", "hartono")]
    [InlineData("HARTONO", "hartono")]
    [InlineData("Dra.  Wahyuni,  S.Sos., M.Kesos.", "wahyuni")]
    [InlineData("Hj. Siti Aminah", "siti aminah")]
    [InlineData("Prof. Dr. Ir. Bambang Sutrisno", "bambang sutrisno")]
    [InlineData("Siti-Aminah", "siti aminah")]
    [InlineData("Dr", "dr")]
    public void Of_FoldsTitlesCaseAndPunctuation(string name, string key) =>
        PersonNameKey.Of(name).Should().Be(key);

    [Fact]
    public void Of_KeepsDifferentPeopleApart() =>
        PersonNameKey.Of("Siti Aminah").Should().NotBe(PersonNameKey.Of("Siti Aisyah"));
}
