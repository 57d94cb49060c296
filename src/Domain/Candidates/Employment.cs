using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>Where a candidate works: Dinas Sosial, PKH facilitation, an LKS, TKSK, or elsewhere.</summary>
public sealed record EmploymentType : ICoded
{
    private EmploymentType(string code) => Code = code;

    public string Code { get; }

    public static readonly EmploymentType DinasSosial = new("dinas-sosial");
    public static readonly EmploymentType PendampingPkh = new("pendamping-pkh");
    public static readonly EmploymentType Lks = new("lks");
    public static readonly EmploymentType Tksk = new("tksk");
    public static readonly EmploymentType Other = new("other");

    public static IReadOnlyList<EmploymentType> All { get; } = [DinasSosial, PendampingPkh, Lks, Tksk, Other];

    public static Result<EmploymentType> FromCode(string? code) =>
        CodeList.Parse(All, code, "employment-type.invalid", "An employment type");

    public override string ToString() => Code;
}

/// <summary>A candidate's current employment.</summary>
public sealed record Employment(EmploymentType Type, string Organisation, RegionCode Region)
{
    public const int MaxOrganisationLength = 200;

    /// <summary>Organisation names compared the way people write them (case and spacing do not matter).</summary>
    public static string NormaliseOrganisation(string organisation) => TextKey.Fold(organisation);
}
