using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Reference;

/// <summary>
/// One of the 26 PMKS types of Permensos 8/2012. No official type→category mapping exists, so the mapping is data:
/// a type may sit in several categories, or (komunitas adat terpencil) in none.
/// </summary>
public sealed record PmksType : ICoded
{
    private PmksType(string code, string name, params PmksCategory[] categories)
    {
        Code = code;
        Name = name;
        Categories = categories;
    }

    public string Code { get; }

    public string Name { get; }

    public IReadOnlyList<PmksCategory> Categories { get; }

    private static PmksType T(string name, params PmksCategory[] categories) =>
        new(name.ToLowerInvariant().Replace(' ', '-'), Capitalise(name), categories);

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public static IReadOnlyList<PmksType> All { get; } =
    [
        T("anak balita terlantar", PmksCategory.Keterlantaran),
        T("anak terlantar", PmksCategory.Keterlantaran),
        T("anak yang berhadapan dengan hukum", PmksCategory.KetunaanSosial, PmksCategory.KorbanKekerasan),
        T("anak jalanan", PmksCategory.Keterlantaran),
        T("anak dengan kedisabilitasan", PmksCategory.Kecacatan),
        T("anak korban tindak kekerasan", PmksCategory.KorbanKekerasan),
        T("anak yang memerlukan perlindungan khusus", PmksCategory.KorbanKekerasan),
        T("lanjut usia terlantar", PmksCategory.Keterlantaran),
        T("penyandang disabilitas", PmksCategory.Kecacatan),
        T("tuna susila", PmksCategory.KetunaanSosial),
        T("gelandangan", PmksCategory.KetunaanSosial, PmksCategory.Kemiskinan),
        T("pengemis", PmksCategory.KetunaanSosial, PmksCategory.Kemiskinan),
        T("pemulung", PmksCategory.Kemiskinan),
        T("kelompok minoritas", PmksCategory.KorbanKekerasan),
        T("bekas warga binaan lembaga pemasyarakatan", PmksCategory.KetunaanSosial),
        new("odha", "Orang dengan HIV/AIDS (ODHA)", PmksCategory.KorbanKekerasan),
        T("korban penyalahgunaan NAPZA", PmksCategory.KetunaanSosial),
        T("korban trafficking", PmksCategory.KorbanKekerasan),
        T("korban tindak kekerasan", PmksCategory.KorbanKekerasan),
        T("pekerja migran bermasalah sosial", PmksCategory.KorbanKekerasan),
        T("korban bencana alam", PmksCategory.KorbanBencana),
        T("korban bencana sosial", PmksCategory.KorbanBencana),
        T("perempuan rawan sosial ekonomi", PmksCategory.Kemiskinan),
        T("fakir miskin", PmksCategory.Kemiskinan),
        T("keluarga bermasalah sosial psikologis", PmksCategory.KetunaanSosial),
        T("komunitas adat terpencil"),
    ];

    public static Result<PmksType> FromCode(string? code) =>
        CodeList.Parse(All, code, "pmks-type.invalid", "A PMKS type");

    /// <summary>The types mapped to <paramref name="category"/>.</summary>
    public static IReadOnlyList<PmksType> In(PmksCategory category) =>
        All.Where(t => t.Categories.Contains(category)).ToList();
}
