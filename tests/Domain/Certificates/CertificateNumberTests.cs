using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Domain.Tests.Certificates;

public sealed class CertificateNumberTests
{
    [Fact]
    public void Create_ComputesMod97CheckDigitsAsDomainDefinesThem()
    {
        // N = 252816 2026 000042 (P=25, S=28, G=16); cc = 98 − (N × 100 mod 97).
        var n = System.Numerics.BigInteger.Parse("2528162026000042", System.Globalization.CultureInfo.InvariantCulture);
        var expected = (int)(98 - (n * 100 % 97));

        var number = CertificateNumber.Create("PSG", 2026, 42);

        number.CheckDigits.Should().Be(expected);
        number.Value.Should().Be($"PSG-2026-000042-{expected:D2}");
        ((n * 100 + number.CheckDigits) % 97).Should().Be(1);
    }

    [Theory]
    [InlineData("PSG", 2026, 1)]
    [InlineData("PSS", 2027, 999_999)]
    [InlineData("TKG", 2030, 407)]
    public void Parse_RoundTripsWhatCreateMakes(string prefix, int year, int serial)
    {
        var created = CertificateNumber.Create(prefix, year, serial);

        CertificateNumber.Parse(created.Value).Value.Should().Be(created);
    }

    [Fact]
    public void Parse_AcceptsLowerCaseAndSurroundingSpace()
    {
        var created = CertificateNumber.Create("PSG", 2026, 42);

        CertificateNumber.Parse($"  {created.Value.ToLowerInvariant()} ").Value.Should().Be(created);
    }

    [Fact]
    public void Parse_WhenAnySingleDigitIsMistyped_IsNumberInvalid()
    {
        var value = CertificateNumber.Create("PSG", 2026, 42).Value;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                continue;
            }

            for (var d = '0'; d <= '9'; d++)
            {
                if (d == value[i])
                {
                    continue;
                }

                var typo = value[..i] + d + value[(i + 1)..];
                CertificateNumber.Parse(typo).Error!.Code.Should().Be("certificate.number-invalid", typo);
            }
        }
    }

    [Fact]
    public void Parse_WhenTwoAdjacentDigitsAreSwapped_IsNumberInvalid()
    {
        var value = CertificateNumber.Create("PSG", 2026, 123_456).Value;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(value[i]) || !char.IsAsciiDigit(value[i + 1]) || value[i] == value[i + 1])
            {
                continue;
            }

            var swapped = value[..i] + value[i + 1] + value[i] + value[(i + 2)..];
            CertificateNumber.Parse(swapped).Error!.Code.Should().Be("certificate.number-invalid", swapped);
        }
    }

    [Fact]
    public void Parse_WhenPrefixLetterIsWrong_IsNumberInvalid()
    {
        var value = CertificateNumber.Create("PSG", 2026, 42).Value;

        CertificateNumber.Parse("PSS" + value[3..]).Error!.Code.Should().Be("certificate.number-invalid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PSG-2026-42-00")]
    [InlineData("PSG2026000042NN")]
    [InlineData("PS1-2026-000042-00")]
    [InlineData("PSG-2026-000042-0")]
    [InlineData("PSG-2026-000000-00")]
    [InlineData("PSG_2026_000042_00")]
    [InlineData("'; DROP TABLE certificates;--")]
    public void Parse_WhenMalformed_IsNumberInvalid(string? value)
    {
        CertificateNumber.Parse(value).Error!.Code.Should().Be("certificate.number-invalid");
    }
}
