using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary>What a planned exam may still change: its day, venue, title and capacity.</summary>
public sealed partial class CompetencyExam
{
    /// <summary>Reschedules a planned exam; a part left null stays as it is. Never to a past day, never below the enrolled count.</summary>
    public Result Reschedule(string? title, string? venue, DateOnly? scheduledOn, int? capacity, TimeProvider clock)
    {
        if (capacity is { } c)
        {
            Guard.Against.OutOfRange(c, nameof(capacity), 1, MaxCapacity);
        }

        var refused = FirstBroken(new ExamIsPlannedRule(Status, "rescheduled"))
            ?? AllBroken(
                new NotScheduledInPastRule(scheduledOn ?? ScheduledOn, clock.Today()),
                new CapacityNotBelowEnrolledRule(capacity ?? Capacity, TakingPart.Count()));
        if (refused is not null)
        {
            return refused;
        }

        var previousDay = ScheduledOn;
        Title = title ?? Title;
        Venue = venue ?? Venue;
        ScheduledOn = scheduledOn ?? ScheduledOn;
        Capacity = capacity ?? Capacity;
        HasExamChanges = true;
        Raise(new ExamRescheduled(Id, Title, Venue, previousDay, ScheduledOn, Capacity, clock.GetUtcNow()));
        return Result.Success();
    }
}
