using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

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
