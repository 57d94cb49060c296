using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("(021) 555-1234", "+62215551234")]
    public void Parse_NormalisesToPlus62(string written, string expected)
    {
        PhoneNumber.Parse(written).Value.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0812345")]
    [InlineData("0812345678901234")]
    [InlineData("0812-3456-789a")]
    [InlineData("00812345678")]
    public void Parse_WhenNotAnIndonesianNumber_IsPhoneInvalid(string? written)
    {
        PhoneNumber.Parse(written).Error!.Code.Should().Be("phone.invalid");
    }
}

public sealed class EmailTests
{
    [Theory]
    [InlineData("siti@example.org", "siti@example.org")]
    [InlineData("  Siti.R@Dinsos.Lampungprov.GO.ID ", "Siti.R@dinsos.lampungprov.go.id")]
    [InlineData("a+b@example.co.id", "a+b@example.co.id")]
    public void Parse_AcceptsAndLowercasesTheDomain(string written, string expected)
    {
        Email.Parse(written).Value.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("siti")]
    [InlineData("siti@")]
    [InlineData("@example.org")]
    [InlineData("siti@example")]
    [InlineData("si ti@example.org")]
    [InlineData("siti@@example.org")]
    [InlineData("siti..r@example.org")]
    [InlineData("siti@-example.org")]
    [InlineData("<script>@example.org")]
    public void Parse_WhenMalformed_IsEmailInvalid(string? written)
    {
        Email.Parse(written).Error!.Code.Should().Be("email.invalid");
    }
}

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Siti Rahmawati, S.Sos.")]
    [InlineData("Dr. Ni Luh Putu Ayu, M.Kesos.")]
    [InlineData("Ma'ruf Amin")]
    [InlineData("Abdul-Rahman")]
    [InlineData("Sukarno")]
    [InlineData("Nguyễn Thị Minh")]
    public void Parse_KeepsRealNamesVerbatim(string written)
    {
        PersonName.Parse(written).Value.Value.Should().Be(written);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("A")]
    [InlineData("Siti\u0000Rahmawati")]
    [InlineData("Siti\nRahmawati")]
    [InlineData("<b>Siti</b>")]
    [InlineData("Robert'); DROP TABLE candidates;--")]
    [InlineData("Siti  Rahmawati")]
    public void Parse_WhenNotAName_IsRefused(string? written)
    {
        PersonName.Parse(written).IsFailure.Should().BeTrue();
    }

    [Fact]
    public void Parse_When151Characters_IsRefused()
    {
        PersonName.Parse(new string('a', 151)).IsFailure.Should().BeTrue();
        PersonName.Parse(new string('a', 150)).IsSuccess.Should().BeTrue();
    }
}

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("18")]
    [InlineData("18.71")]
    [InlineData("18.13")]
    [InlineData("31.74")] // a Jakarta city: regencies outside Lampung are not seeded, so any non-zero code is accepted
    public void Parse_AcceptsProvincesAndRegencies(string code)
    {
        RegionCode.Parse(code).IsSuccess.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("18.99")] // Lampung's regencies are seeded: 99 is not one of them
    [InlineData("18.00")]
    [InlineData("18-71")]
    [InlineData("18.7")]
    [InlineData("18.711")]
    public void Parse_RefusesUnknownOrMalformedCodes(string? code)
    {
        RegionCode.Parse(code).Error!.Code.Should().Be("region.invalid");
    }
}

public sealed class CodeListTests
{
    [Fact]
    public void EducationLevel_RanksD4WithS1()
    {
        EducationLevel.D4.IsAtLeast(EducationLevel.S1).Should().BeTrue();
        EducationLevel.S1.IsAtLeast(EducationLevel.D4).Should().BeTrue();
        EducationLevel.D3.IsAtLeast(EducationLevel.S1).Should().BeFalse();
        EducationLevel.S3.IsAtLeast(EducationLevel.S2).Should().BeTrue();
    }

    [Theory]
    [InlineData("s1")]
    [InlineData("Bachelor")]
    [InlineData("")]
    public void EducationLevel_UnknownCode_IsInvalid(string code)
    {
        EducationLevel.FromCode(code).Error!.Code.Should().Be("education-level.invalid");
    }

    [Fact]
    public void EmploymentType_AllFiveCodes()
    {
        EmploymentType.All.Select(e => e.Code).Should().Equal("dinas-sosial", "pendamping-pkh", "lks", "tksk", "other");
        EmploymentType.FromCode("PKH").Error!.Code.Should().Be("employment-type.invalid");
    }

    [Fact]
    public void PmksCategory_UnknownCode_NamesEveryAcceptedValue()
    {
        var error = PmksCategory.FromCode("poverty").Error!;
        error.Code.Should().Be("pmks-category.invalid");
        error.Message.Should().Contain("kemiskinan").And.Contain("korban-bencana");
    }
}
