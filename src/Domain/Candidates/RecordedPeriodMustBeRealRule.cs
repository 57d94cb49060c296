using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>A recorded period is over (not in the future) and its hours fit in its days (at most 24 a day).</summary>
public sealed class RecordedPeriodMustBeRealRule(DatePeriod period, int hours, DateOnly today) : IBusinessRule
{
    public Error Error => period.End > today
        ? Error.Validation("period.in-future", "A record cannot end in the future.")
        : Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).");

    public bool IsBroken() => period.End > today || hours > period.Days * 24;
}
