using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>What a piece of portfolio evidence is.</summary>
public sealed record EvidenceKind : ICoded
{
    private EvidenceKind(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; }

    public string Name { get; }

    public static readonly EvidenceKind CaseRecord = new("case-record", "Case record");
    public static readonly EvidenceKind WorkExperienceLetter = new("work-experience-letter", "Work-experience letter");
    public static readonly EvidenceKind OrganisationRecommendation = new("organisation-recommendation", "Professional-organisation recommendation");
    public static readonly EvidenceKind Diploma = new("diploma", "Diploma");
    public static readonly EvidenceKind TrainingCertificate = new("training-certificate", "Training certificate");
    public static readonly EvidenceKind SupervisionLog = new("supervision-log", "Supervision log");
    public static readonly EvidenceKind Other = new("other", "Other");

    public static IReadOnlyList<EvidenceKind> All { get; } =
        [CaseRecord, WorkExperienceLetter, OrganisationRecommendation, Diploma, TrainingCertificate, SupervisionLog, Other];

    public static Result<EvidenceKind> FromCode(string? code) => CodeList.Parse(All, code, "evidence-kind.invalid", "An evidence kind");

    public override string ToString() => Code;
}

/// <summary>A stage of the helping process a case record covers.</summary>
public sealed record HelpingStage : ICoded
{
    private HelpingStage(string code) => Code = code;

    public string Code { get; }

    public static readonly HelpingStage Engagement = new("engagement");
    public static readonly HelpingStage Assessment = new("assessment");
    public static readonly HelpingStage Planning = new("planning");
    public static readonly HelpingStage Intervention = new("intervention");
    public static readonly HelpingStage Evaluation = new("evaluation");
    public static readonly HelpingStage Termination = new("termination");

    public static IReadOnlyList<HelpingStage> All { get; } = [Engagement, Assessment, Planning, Intervention, Evaluation, Termination];

    public static Result<HelpingStage> FromCode(string? code) => CodeList.Parse(All, code, "helping-stage.invalid", "A helping stage");

    public override string ToString() => Code;
}

/// <summary>Who the client of a case record was.</summary>
public sealed record ClientType : ICoded
{
    private ClientType(string code) => Code = code;

    public string Code { get; }

    public static readonly ClientType Individual = new("individual");
    public static readonly ClientType Family = new("family");
    public static readonly ClientType Group = new("group");
    public static readonly ClientType Community = new("community");

    public static IReadOnlyList<ClientType> All { get; } = [Individual, Family, Group, Community];

    public static Result<ClientType> FromCode(string? code) => CodeList.Parse(All, code, "client-type.invalid", "A client type");

    public override string ToString() => Code;
}

/// <summary>A self-description essay code: K (knowledge), S (skills), V (values) and a number, e.g. <c>K1</c>, <c>S6</c>.</summary>
public sealed record EssayCode : IComparable<EssayCode>
{
    private static readonly string Order = "KSV";

    private EssayCode(string value) => Value = value;

    public string Value { get; }

    public static Result<EssayCode> Parse(string? value)
    {
        if (value is { Length: 2 } && Order.Contains(value[0], StringComparison.Ordinal) && value[1] is >= '1' and <= '9')
        {
            return new EssayCode(value);
        }

        return Error.Validation("essay.code-invalid", "An essay code is K, S or V followed by a digit, e.g. K1, S6, V3.");
    }

    /// <summary>The codes K1…Kk, S1…Ss, V1…Vv.</summary>
    public static IReadOnlyList<EssayCode> Range(int knowledge, int skills, int values) =>
        Enumerable.Range(1, knowledge).Select(i => new EssayCode($"K{i}"))
            .Concat(Enumerable.Range(1, skills).Select(i => new EssayCode($"S{i}")))
            .Concat(Enumerable.Range(1, values).Select(i => new EssayCode($"V{i}")))
            .ToList();

    public int CompareTo(EssayCode? other) =>
        other is null ? 1 : (Order.IndexOf(Value[0], StringComparison.Ordinal), Value[1]).CompareTo((Order.IndexOf(other.Value[0], StringComparison.Ordinal), other.Value[1]));

    public override string ToString() => Value;
}
