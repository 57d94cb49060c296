using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Reference;

/// <summary>One of the six categories of people with social welfare problems (PMKS). Codes are stable API values.</summary>
public sealed record PmksCategory : ICoded
{
    private PmksCategory(string code, string name, string nameEn)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
    }

    public string Code { get; }

    /// <summary>Indonesian name.</summary>
    public string Name { get; }

    /// <summary>English name.</summary>
    public string NameEn { get; }

    public static readonly PmksCategory Kemiskinan = new("kemiskinan", "Kemiskinan", "Poverty");
    public static readonly PmksCategory Kecacatan = new("kecacatan", "Kecacatan", "Disability");
    public static readonly PmksCategory KetunaanSosial = new("ketunaan-sosial", "Ketunaan sosial dan perilaku menyimpang", "Social deviance and deviant behaviour");
    public static readonly PmksCategory Keterlantaran = new("keterlantaran", "Keterlantaran", "Neglect / abandonment");
    public static readonly PmksCategory KorbanKekerasan = new("korban-kekerasan", "Korban kekerasan, eksploitasi dan diskriminasi", "Victims of violence, exploitation and discrimination");
    public static readonly PmksCategory KorbanBencana = new("korban-bencana", "Korban bencana", "Disaster victims");

    public static IReadOnlyList<PmksCategory> All { get; } =
        [Kemiskinan, Kecacatan, KetunaanSosial, Keterlantaran, KorbanKekerasan, KorbanBencana];

    public static Result<PmksCategory> FromCode(string? code) =>
        CodeList.Parse(All, code, "pmks-category.invalid", "A PMKS category");

    public override string ToString() => Code;
}
