using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>An inclusive period of days.</summary>
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static Result<DatePeriod> Create(DateOnly start, DateOnly end) =>
        end < start ? Error.Validation("period.invalid", "The end date is before the start date.") : new DatePeriod(start, end);
}
