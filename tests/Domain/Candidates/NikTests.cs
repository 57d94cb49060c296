using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class NikTests
{
    [Theory]
    [InlineData("1871014506900003")] // woman born 5 June 1990, Bandar Lampung
    [InlineData("3171010101800001")] // man born 1 January 1980, Jakarta
    [InlineData("9601017112990001")] // woman born 31 December 1999, Papua Barat Daya
    [InlineData("1801012902000001")] // 29 February 2000 (a leap year)
    [InlineData("1801016902040001")] // a woman born 29 February 2004
    public void Parse_WhenWellFormed_Succeeds(string value)
    {
        Nik.Parse(value).IsSuccess.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("187101450690000")]
    [InlineData("18710145069000031")]
    [InlineData("1871 14506900003")]
    [InlineData("18710145069OOOO3")]
    [InlineData("١٨٧١٠١٤٥٠٦٩٠٠٠٠٣")] // Arabic-Indic digits are digits, but not ASCII digits
    public void Parse_WhenNotSixteenAsciiDigits_IsNikInvalid(string? value)
    {
        Nik.Parse(value).Error!.Code.Should().Be("nik.invalid");
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("22")]
    [InlineData("37")]
    [InlineData("99")]
    public void Parse_WhenProvinceCodeUnknown_IsNikInvalid(string province)
    {
        Nik.Parse(province + "71014506900003").Error!.Code.Should().Be("nik.invalid");
    }

    [Theory]
    [InlineData("00")]
    [InlineData("32")]
    [InlineData("40")]
    [InlineData("72")]
    [InlineData("99")]
    public void Parse_WhenBirthDayOutside01To31And41To71_IsNikInvalid(string day)
    {
        Nik.Parse($"187101{day}06900003").Error!.Code.Should().Be("nik.invalid");
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    public void Parse_WhenMonthOutside01To12_IsNikInvalid(string month)
    {
        Nik.Parse($"18710145{month}900003").Error!.Code.Should().Be("nik.invalid");
    }

    [Theory]
    [InlineData("310490")] // 31 April
    [InlineData("300290")] // 30 February
    [InlineData("710690")] // a woman's 31 June
    [InlineData("290201")] // 29 February 1901 / 2001: neither is a leap year
    public void Parse_WhenNoRealCalendarDate_IsNikInvalid(string ddmmyy)
    {
        Nik.Parse($"187101{ddmmyy}0003").Error!.Code.Should().Be("nik.invalid");
    }

    [Fact]
    public void Parse_WhenSerialIs0000_IsNikInvalid()
    {
        Nik.Parse("1871014506900000").Error!.Code.Should().Be("nik.invalid");
    }

    [Fact]
    public void Parse_WhenSerialIs0001_Succeeds()
    {
        Nik.Parse("1871014506900001").IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void EncodedSex_WhenDayCarriesPlus40_IsFemale()
    {
        Nik.Parse("1871014506900003").Value.EncodedSex.Should().Be(Sex.Female);
        Nik.Parse("1871010506900003").Value.EncodedSex.Should().Be(Sex.Male);
    }

    [Fact]
    public void WarningsAgainst_WhenDeclarationsMatch_IsEmpty()
    {
        Nik.Parse("1871014506900003").Value.WarningsAgainst(new DateOnly(1990, 6, 5), Sex.Female).Should().BeEmpty();
    }

    [Fact]
    public void WarningsAgainst_WhenBirthDateDisagrees_FlagsBirthDate()
    {
        Nik.Parse("1871014506900003").Value.WarningsAgainst(new DateOnly(1991, 6, 5), Sex.Female)
            .Should().Equal("nik.birth-date-mismatch");
    }

    [Fact]
    public void WarningsAgainst_WhenSexDisagrees_FlagsSex()
    {
        Nik.Parse("1871014506900003").Value.WarningsAgainst(new DateOnly(1990, 6, 5), Sex.Male)
            .Should().Equal("nik.sex-mismatch");
    }

    [Fact]
    public void Masked_ShowsOnlyTheLastFourDigits()
    {
        var nik = Nik.Parse("1871014506900003").Value;
        nik.Masked.Should().Be("************0003");
        nik.ToString().Should().Be("************0003", "a NIK that slips into a log line must not leak");
    }

    [Fact]
    public void Parse_ErrorMessage_NeverEchoesTheNik()
    {
        Nik.Parse("1871014506900000").Error!.Message.Should().NotContain("1871014506900000");
    }
}
