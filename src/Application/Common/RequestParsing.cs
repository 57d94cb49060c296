using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Common;

/// <summary>Parts many requests share, parsed under the request's own field names.</summary>
public static class RequestParsing
{
    /// <summary>A period from <c>startDate</c> and <c>endDate</c>, both required, the end not before the start.</summary>
    public static DatePeriod? Period(this ErrorCollector errors, DateOnly? start, DateOnly? end)
    {
        var present = errors.Require(start, "startDate") & errors.Require(end, "endDate");
        return present ? errors.Take(DatePeriod.Create(start!.Value, end!.Value), "endDate") : null;
    }

    /// <summary>A required whole number of hours, above zero, under <c>hours</c>.</summary>
    public static int? PositiveHours(this ErrorCollector errors, int? hours)
    {
        if (!errors.Require(hours, "hours"))
        {
            return null;
        }

        if (hours <= 0)
        {
            errors.Add(Error.Validation("hours.invalid", "Hours must be positive."), "hours");
            return null;
        }

        return hours;
    }

    /// <summary>A required number within <paramref name="min"/>–<paramref name="max"/>, under <paramref name="field"/>.</summary>
    public static int? InRange(this ErrorCollector errors, int? value, string field, int min, int max, string code)
    {
        if (!errors.Require(value, field))
        {
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(Error.Validation(code, $"{field} is {min}–{max}."), field);
            return null;
        }

        return value;
    }
}
