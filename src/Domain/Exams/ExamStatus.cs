using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary><c>planned</c> → <c>in-progress</c> → <c>decided</c>.</summary>
public sealed record ExamStatus : ICoded
{
    private ExamStatus(string code) => Code = code;

    public string Code { get; }

    public static readonly ExamStatus Planned = new("planned");
    public static readonly ExamStatus InProgress = new("in-progress");
    public static readonly ExamStatus Decided = new("decided");

    public static IReadOnlyList<ExamStatus> All { get; } = [Planned, InProgress, Decided];

    public static Result<ExamStatus> FromCode(string? code) => CodeList.Parse(All, code, "exam-status.invalid", "An exam status");

    public override string ToString() => Code;
}
