using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>Sex as recorded on the identity card: <c>F</c> or <c>M</c>.</summary>
public sealed record Sex : ICoded
{
    private Sex(string code) => Code = code;

    public string Code { get; }

    public static readonly Sex Female = new("F");
    public static readonly Sex Male = new("M");

    public static IReadOnlyList<Sex> All { get; } = [Female, Male];

    public static Result<Sex> FromCode(string? code) => CodeList.Parse(All, code, "sex.invalid", "Sex");

    public override string ToString() => Code;
}
