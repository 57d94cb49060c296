using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>Highest education level. D4 (applied bachelor) ranks with S1.</summary>
public sealed record EducationLevel : ICoded
{
    private EducationLevel(string code, int rank)
    {
        Code = code;
        Rank = rank;
    }

    public string Code { get; }

    /// <summary>Comparable rank: SMA 0, D3 1, D4 = S1 2, S2 3, S3 4.</summary>
    public int Rank { get; }

    public static readonly EducationLevel Sma = new("SMA", 0);
    public static readonly EducationLevel D3 = new("D3", 1);
    public static readonly EducationLevel D4 = new("D4", 2);
    public static readonly EducationLevel S1 = new("S1", 2);
    public static readonly EducationLevel S2 = new("S2", 3);
    public static readonly EducationLevel S3 = new("S3", 4);

    public static IReadOnlyList<EducationLevel> All { get; } = [Sma, D3, D4, S1, S2, S3];

    public bool IsAtLeast(EducationLevel other) => Rank >= other.Rank;

    public static Result<EducationLevel> FromCode(string? code) =>
        CodeList.Parse(All, code, "education-level.invalid", "An education level");

    public override string ToString() => Code;
}

/// <summary>Field of study, as far as certification cares.</summary>
public sealed record EducationField : ICoded
{
    private EducationField(string code) => Code = code;

    public string Code { get; }

    public static readonly EducationField PekerjaanSosial = new("pekerjaan-sosial");
    public static readonly EducationField KesejahteraanSosial = new("kesejahteraan-sosial");
    public static readonly EducationField Other = new("other");

    public static IReadOnlyList<EducationField> All { get; } = [PekerjaanSosial, KesejahteraanSosial, Other];

    /// <summary>Social work or social welfare: the fields the Generalis first route asks for.</summary>
    public bool IsSocialWork => this == PekerjaanSosial || this == KesejahteraanSosial;

    public static Result<EducationField> FromCode(string? code) =>
        CodeList.Parse(All, code, "education-field.invalid", "An education field");

    public override string ToString() => Code;
}

/// <summary>A candidate's highest education.</summary>
public sealed record Education(EducationLevel Level, EducationField Field, string? Institution, int? GraduationYear)
{
    public const int MaxInstitutionLength = 200;

    public const int MinGraduationYear = 1950;
}
