using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

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

/// <summary>The four checks on one evidence item: valid, authentic, current, sufficient (VATM).</summary>
public sealed record VatmVerdict(bool Valid, bool Authentic, bool Current, bool Sufficient)
{
    public bool Passes => Valid && Authentic && Current && Sufficient;
}

public sealed record EvidenceVerdict(Guid EvidenceId, VatmVerdict Verdict, string? Note);

public sealed record EssayScore(EssayCode Code, int Score)
{
    public const int Min = 1;
    public const int Max = 5;
}

/// <summary>What an assessor records for one participant, as parsed from the request.</summary>
public sealed record AssessmentSheet(
    int WrittenScore,
    AssessmentResult Interview,
    string? InterviewNotes,
    IReadOnlyList<EvidenceVerdict> EvidenceVerdicts,
    IReadOnlyList<EssayScore> EssayScores)
{
    public const int MaxWrittenScore = 100;
    public const int MaxNotesLength = 4_000;
    public const int MaxVerdictNoteLength = 2_000;
}

/// <summary>How each part of the assessment came out, and the recommendation they add up to.</summary>
public sealed record AssessmentOutcome(AssessmentResult Written, AssessmentResult Interview, AssessmentResult Portfolio, AssessmentResult Recommendation);

/// <summary>A recorded assessment.</summary>
public sealed record Assessment(AssessmentSheet Sheet, AssessmentOutcome Outcome, DateTimeOffset AssessedAt);

/// <summary>A panel member of the plenary; <see cref="AssessorId"/> when the member is a registered assessor.</summary>
public sealed record PanelMember(string Name, Assessors.AssessorId? AssessorId);

/// <summary>The plenary decision: decree number, panel, when.</summary>
public sealed record PlenaryDecision(string DecreeNumber, IReadOnlyList<PanelMember> Panel, DateTimeOffset DecidedAt)
{
    /// <summary>Overrides name participants of the exam being decided.</summary>
    public static Result CheckOverrides(IReadOnlyList<ResultOverride> overrides, IReadOnlySet<Guid> participantIds)
    {
        var unknown = overrides.Count(o => !participantIds.Contains(o.ParticipantId));
        return unknown == 0
            ? Result.Success()
            : Error.Validation("decision.unknown-participant", $"{unknown} override(s) name no participant of this exam.");
    }
}

/// <summary>An override of a recommendation by the plenary, with its written reason.</summary>
public sealed record ResultOverride(Guid ParticipantId, AssessmentResult Result, string Reason)
{
    public const int MaxReasonLength = 2_000;
}

/// <summary>A BK participant's appeal (banding) and, once resolved, its resolution.</summary>
public sealed record Appeal(string Reason, DateTimeOffset FiledAt, bool? Upheld = null, string? ResolutionNote = null, DateTimeOffset? ResolvedAt = null)
{
    public bool IsResolved => Upheld is not null;
}

/// <summary>An impartiality declaration by an assessor for one exam.</summary>
public sealed record ImpartialityDeclaration(Assessors.AssessorId AssessorId, string Statement, DateTimeOffset DeclaredAt);
