using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary><c>enrolled</c> → <c>assessed</c> → <c>decided</c>, or <c>absent</c> / <c>withdrawn</c> (no result, no appeal used).</summary>
public sealed record ParticipantStatus : ICoded
{
    private ParticipantStatus(string code) => Code = code;

    public string Code { get; }

    public static readonly ParticipantStatus Enrolled = new("enrolled");
    public static readonly ParticipantStatus Assessed = new("assessed");
    public static readonly ParticipantStatus Absent = new("absent");
    public static readonly ParticipantStatus Withdrawn = new("withdrawn");
    public static readonly ParticipantStatus Decided = new("decided");

    public static IReadOnlyList<ParticipantStatus> All { get; } = [Enrolled, Assessed, Absent, Withdrawn, Decided];

    /// <summary>Still taking part in the exam (absent and withdrawn participants no longer count as being in it).</summary>
    public bool TakesPart => this != Absent && this != Withdrawn;

    public static Result<ParticipantStatus> FromCode(string? code) => CodeList.Parse(All, code, "participant-status.invalid", "A participant status");

    public override string ToString() => Code;
}
