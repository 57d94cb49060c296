using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>An inclusive period of days.</summary>
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>How many of this period's days also lie in <paramref name="other"/> (0 when they do not meet).</summary>
    public int DaysWithin(DatePeriod other) =>
        Math.Max(0, Math.Min(End.DayNumber, other.End.DayNumber) - Math.Max(Start.DayNumber, other.Start.DayNumber) + 1);

    /// <summary>The share of <paramref name="hours"/> spread evenly over this period that falls inside <paramref name="other"/>, rounded down.</summary>
    public long HoursWithin(int hours, DatePeriod other) => (long)hours * DaysWithin(other) / Days;

    public static Result<DatePeriod> Create(DateOnly start, DateOnly end) =>
        end < start ? Error.Validation("period.invalid", "The end date is before the start date.") : new DatePeriod(start, end);
}
