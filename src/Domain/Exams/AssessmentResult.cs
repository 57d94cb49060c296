using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary>K (<i>Kompeten</i>) or BK (<i>Belum Kompeten</i>, not yet competent); API codes <c>k</c> / <c>bk</c>.</summary>
public sealed record AssessmentResult : ICoded
{
    private AssessmentResult(string code) => Code = code;

    public string Code { get; }

    public static readonly AssessmentResult Competent = new("k");
    public static readonly AssessmentResult NotYetCompetent = new("bk");

    public static IReadOnlyList<AssessmentResult> All { get; } = [Competent, NotYetCompetent];

    public bool IsCompetent => this == Competent;

    public static AssessmentResult Of(bool competent) => competent ? Competent : NotYetCompetent;

    public static Result<AssessmentResult> FromCode(string? code) => CodeList.Parse(All, code, "result.invalid", "A result");

    public override string ToString() => Code;
}
