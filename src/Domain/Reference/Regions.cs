using System.Collections.Frozen;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Reference;

/// <summary>A province (provinsi) by its two-digit code, as used in NIKs and region codes.</summary>
public sealed record Province(string Code, string Name);

/// <summary>A regency or city (kabupaten/kota) by its <c>PP.KK</c> code.</summary>
public sealed record Regency(string Code, string Name);

/// <summary>The 38 provinces and the seeded regencies (Lampung).</summary>
public static class Regions
{
    public static IReadOnlyList<Province> Provinces { get; } =
    [
        new("11", "Aceh"), new("12", "Sumatera Utara"), new("13", "Sumatera Barat"), new("14", "Riau"),
        new("15", "Jambi"), new("16", "Sumatera Selatan"), new("17", "Bengkulu"), new("18", "Lampung"),
        new("19", "Kepulauan Bangka Belitung"), new("21", "Kepulauan Riau"), new("31", "DKI Jakarta"),
        new("32", "Jawa Barat"), new("33", "Jawa Tengah"), new("34", "DI Yogyakarta"), new("35", "Jawa Timur"),
        new("36", "Banten"), new("51", "Bali"), new("52", "Nusa Tenggara Barat"), new("53", "Nusa Tenggara Timur"),
        new("61", "Kalimantan Barat"), new("62", "Kalimantan Tengah"), new("63", "Kalimantan Selatan"),
        new("64", "Kalimantan Timur"), new("65", "Kalimantan Utara"), new("71", "Sulawesi Utara"),
        new("72", "Sulawesi Tengah"), new("73", "Sulawesi Selatan"), new("74", "Sulawesi Tenggara"),
        new("75", "Gorontalo"), new("76", "Sulawesi Barat"), new("81", "Maluku"), new("82", "Maluku Utara"),
        new("91", "Papua"), new("92", "Papua Barat"), new("93", "Papua Selatan"), new("94", "Papua Tengah"),
        new("95", "Papua Pegunungan"), new("96", "Papua Barat Daya"),
    ];

    public static IReadOnlyList<Regency> Regencies { get; } =
    [
        new("18.01", "Kabupaten Lampung Selatan"), new("18.02", "Kabupaten Lampung Tengah"),
        new("18.03", "Kabupaten Lampung Utara"), new("18.04", "Kabupaten Lampung Barat"),
        new("18.05", "Kabupaten Tulang Bawang"), new("18.06", "Kabupaten Tanggamus"),
        new("18.07", "Kabupaten Lampung Timur"), new("18.08", "Kabupaten Way Kanan"),
        new("18.09", "Kabupaten Pesawaran"), new("18.10", "Kabupaten Pringsewu"),
        new("18.11", "Kabupaten Mesuji"), new("18.12", "Kabupaten Tulang Bawang Barat"),
        new("18.13", "Kabupaten Pesisir Barat"), new("18.71", "Kota Bandar Lampung"), new("18.72", "Kota Metro"),
    ];

    private static readonly FrozenDictionary<string, Province> ProvincesByCode =
        Provinces.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Regency> RegenciesByCode =
        Regencies.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    private static readonly FrozenSet<string> ProvincesWithRegencyData =
        Regencies.Select(r => r.Code[..2]).ToFrozenSet(StringComparer.Ordinal);

    public static Province? FindProvince(string code) => ProvincesByCode.GetValueOrDefault(code);

    public static Regency? FindRegency(string code) => RegenciesByCode.GetValueOrDefault(code);

    /// <summary>Whether the regencies of this province are seeded (then a regency code must be one of them).</summary>
    public static bool HasRegencyData(string provinceCode) => ProvincesWithRegencyData.Contains(provinceCode);
}

/// <summary>A region: a province <c>PP</c> or a regency/city <c>PP.KK</c>.</summary>
public sealed record RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public string ProvinceCode => Value[..2];

    public bool IsProvince => Value.Length == 2;

    public static Result<RegionCode> Parse(string? value)
    {
        if (value is null || (value.Length != 2 && value.Length != 5)
            || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1])
            || (value.Length == 5 && (value[2] != '.' || !char.IsAsciiDigit(value[3]) || !char.IsAsciiDigit(value[4]))))
        {
            return Error.Validation("region.invalid", "A region code is 'PP' (province) or 'PP.KK' (regency/city), e.g. '18' or '18.71'.");
        }

        var province = value[..2];
        if (Regions.FindProvince(province) is null)
        {
            return Error.Validation("region.invalid", $"There is no province with code {province}.");
        }

        if (value.Length == 5)
        {
            if (value[3..] == "00")
            {
                return Error.Validation("region.invalid", "A regency/city code is never 00.");
            }

            if (Regions.HasRegencyData(province) && Regions.FindRegency(value) is null)
            {
                return Error.Validation("region.invalid", $"There is no regency or city with code {value}.");
            }
        }

        return new RegionCode(value);
    }

    public override string ToString() => Value;
}
