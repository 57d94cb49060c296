using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary>The plenary decision: decree number, panel, when; <c>AppealDeadline</c> is the last day (LSP calendar) a BK result can be appealed.</summary>
public sealed record PlenaryDecision(string DecreeNumber, IReadOnlyList<PanelMember> Panel, DateTimeOffset DecidedAt, DateOnly AppealDeadline)
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
