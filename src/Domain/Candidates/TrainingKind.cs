using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>Kind of training: a Bimtek (technical guidance), a diklat (formal course) or other.</summary>
public sealed record TrainingKind : ICoded
{
    private TrainingKind(string code) => Code = code;

    public string Code { get; }

    public static readonly TrainingKind Bimtek = new("bimtek");
    public static readonly TrainingKind Diklat = new("diklat");
    public static readonly TrainingKind Other = new("other");

    public static IReadOnlyList<TrainingKind> All { get; } = [Bimtek, Diklat, Other];

    public static Result<TrainingKind> FromCode(string? code) => CodeList.Parse(All, code, "training-kind.invalid", "A training kind");

    public override string ToString() => Code;
}
