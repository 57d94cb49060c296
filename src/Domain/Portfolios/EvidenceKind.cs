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
