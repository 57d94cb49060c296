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

/// <summary>What an assessor records for one participant, validated field by field.</summary>
public sealed record AssessmentSheet(
    int WrittenScore,
    AssessmentResult Interview,
    string? InterviewNotes,
    IReadOnlyList<EvidenceVerdict> EvidenceVerdicts,
    IReadOnlyList<EssayScore> EssayScores)
{
    public static Result<AssessmentSheet> Create(
        int? writtenScore,
        string? interview,
        string? interviewNotes,
        IReadOnlyList<(Guid? EvidenceId, bool? Valid, bool? Authentic, bool? Current, bool? Sufficient, string? Note)>? verdicts,
        IReadOnlyList<(string? Code, int? Score)>? essayScores)
    {
        var errors = new ErrorCollector();
        if (errors.Require(writtenScore, "writtenScore") && writtenScore is < 0 or > 100)
        {
            errors.Add(Error.Validation("assessment.written-score-invalid", "The written score is 0–100."), "writtenScore");
        }

        var parsedInterview = errors.Take(AssessmentResult.FromCode(interview), "interview");
        string? notes = null;
        if (!string.IsNullOrWhiteSpace(interviewNotes))
        {
            notes = errors.Take(Text.Multiline(interviewNotes, 4_000, "assessment.notes-invalid"), "interviewNotes");
        }

        var parsedVerdicts = new List<EvidenceVerdict>();
        for (var i = 0; i < (verdicts?.Count ?? 0); i++)
        {
            var v = verdicts![i];
            var field = $"evidenceVerdicts[{i}]";
            if (v.EvidenceId is null || v.Valid is null || v.Authentic is null || v.Current is null || v.Sufficient is null)
            {
                errors.Add(Error.Validation("assessment.verdict-incomplete", "A verdict names its evidenceId and all of valid, authentic, current and sufficient."), field);
                continue;
            }

            string? note = null;
            if (!string.IsNullOrWhiteSpace(v.Note))
            {
                note = errors.Take(Text.Multiline(v.Note, 2_000, "assessment.notes-invalid"), $"{field}.note");
            }

            parsedVerdicts.Add(new EvidenceVerdict(v.EvidenceId.Value, new VatmVerdict(v.Valid.Value, v.Authentic.Value, v.Current.Value, v.Sufficient.Value), note));
        }

        if (parsedVerdicts.Select(v => v.EvidenceId).Distinct().Count() != parsedVerdicts.Count)
        {
            errors.Add(Error.Validation("assessment.duplicate-verdict", "Each evidence item gets one verdict."), "evidenceVerdicts");
        }

        var parsedScores = new List<EssayScore>();
        for (var i = 0; i < (essayScores?.Count ?? 0); i++)
        {
            var (code, score) = essayScores![i];
            var field = $"essayScores[{i}]";
            var parsedCode = errors.Take(EssayCode.Parse(code), $"{field}.code");
            if (score is null or < EssayScore.Min or > EssayScore.Max)
            {
                errors.Add(Error.Validation("assessment.essay-score-invalid", "An essay score is 1–5."), $"{field}.score");
                continue;
            }

            if (parsedCode is not null)
            {
                parsedScores.Add(new EssayScore(parsedCode, score.Value));
            }
        }

        if (parsedScores.Select(s => s.Code).Distinct().Count() != parsedScores.Count)
        {
            errors.Add(Error.Validation("assessment.duplicate-essay-score", "Each essay gets one score."), "essayScores");
        }

        return errors.HasErrors
            ? errors.ToError()
            : new AssessmentSheet(writtenScore!.Value, parsedInterview!, notes, parsedVerdicts, parsedScores);
    }
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
    /// <summary>Checks what the plenary sends (a decree number, a panel, overrides of known participants with reasons); returns the decree number.</summary>
    public static Result<string> CheckInput(string? decreeNumber, IReadOnlyList<PanelMember> panel, IReadOnlyList<ResultOverride> overrides, IReadOnlySet<Guid> participantIds)
    {
        var errors = new ErrorCollector();
        var decree = errors.Take(Text.Required(decreeNumber, 100, "decision.decree-number-required"), "decreeNumber");
        if (panel.Count == 0)
        {
            errors.Add(Error.Validation("decision.panel-required", "The plenary panel has at least one member."), "panel");
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            if (!participantIds.Contains(overrides[i].ParticipantId))
            {
                errors.Add(Error.Validation("decision.unknown-participant", "No participant of this exam has that id."), $"overrides[{i}].participantId");
            }

            if (string.IsNullOrWhiteSpace(overrides[i].Reason))
            {
                errors.Add(Error.Validation("decision.override-reason-required", "An override needs a written reason."), $"overrides[{i}].reason");
            }
        }

        if (overrides.Select(o => o.ParticipantId).Distinct().Count() != overrides.Count)
        {
            errors.Add(Error.Validation("decision.duplicate-override", "A participant is overridden at most once."), "overrides");
        }

        return errors.HasErrors ? errors.ToError() : decree!;
    }
}

/// <summary>An override of a recommendation by the plenary, with its written reason.</summary>
public sealed record ResultOverride(Guid ParticipantId, AssessmentResult Result, string Reason);

/// <summary>A BK participant's appeal (banding) and, once resolved, its resolution.</summary>
public sealed record Appeal(string Reason, DateTimeOffset FiledAt, bool? Upheld = null, string? ResolutionNote = null, DateTimeOffset? ResolvedAt = null)
{
    public bool IsResolved => Upheld is not null;
}

/// <summary>An impartiality declaration by an assessor for one exam.</summary>
public sealed record ImpartialityDeclaration(Assessors.AssessorId AssessorId, string Statement, DateTimeOffset DeclaredAt);
