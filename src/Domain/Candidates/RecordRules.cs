using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>A practice or training record is over: it does not end after today (the LSP's calendar).</summary>
public sealed class PeriodNotInFutureRule(DatePeriod period, DateOnly today) : IBusinessRule
{
    public Error Error => Error.Validation("period.in-future", "A record cannot end in the future.");

    public bool IsBroken() => period.End > today;
}

/// <summary>Nobody practises or trains as a social worker before their 15th birthday.</summary>
public sealed class PeriodFromAge15Rule(DatePeriod period, DateOnly birthDate) : IBusinessRule
{
    public const int Age = 15;

    public Error Error => Error.Validation("period.before-age-15", $"A record starts on or after the candidate's {Age}th birthday ({birthDate.AddYears(Age):yyyy-MM-dd}).");

    public bool IsBroken() => period.Start < birthDate.AddYears(Age);
}

/// <summary>A practice record carries at most <see cref="PracticeRecord.MaxHoursPerDay"/> hours for each day of its period, both ends counted.</summary>
public sealed class PracticeHoursFitPeriodRule(DatePeriod period, int hours) : IBusinessRule
{
    public Error Error => Error.Validation("practice.hours-exceed-period",
        $"{hours} hours are more than {PracticeRecord.MaxHoursPerDay} a day over {period.Days} day(s) ({(long)period.Days * PracticeRecord.MaxHoursPerDay} at most).");

    public bool IsBroken() => hours > (long)period.Days * PracticeRecord.MaxHoursPerDay;
}

/// <summary>A training record's hours fit in its days (at most 24 a day).</summary>
public sealed class TrainingHoursFitPeriodRule(DatePeriod period, int hours) : IBusinessRule
{
    public Error Error => Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).");

    public bool IsBroken() => hours > (long)period.Days * 24;
}

/// <summary>The same practice (organisation, role, dates; written any way) is recorded once.</summary>
public sealed class PracticeRecordedOnceRule(IEnumerable<PracticeRecord> recorded, PracticeRecordDetails details) : IBusinessRule
{
    public Error Error => Error.Conflict("practice.duplicate", "This practice (organisation, role and dates) is already recorded for the candidate.");

    public bool IsBroken() => recorded.Any(r => r.Period == details.Period
        && TextKey.Fold(r.Organisation) == TextKey.Fold(details.Organisation)
        && TextKey.Fold(r.Role) == TextKey.Fold(details.Role));
}

/// <summary>A Bimtek recorded by hand never repeats one already credited by its completion (same title and dates).</summary>
public sealed class BimtekCreditedOnceRule(IEnumerable<TrainingRecord> recorded, TrainingRecordDetails details) : IBusinessRule
{
    public Error Error => Error.Conflict("training.duplicate", "This Bimtek is already credited to the candidate by its completion.");

    public bool IsBroken() => details.Kind == TrainingKind.Bimtek && details.TrainingEventId is null
        && recorded.Any(r => r.TrainingEventId is not null && r.Period == details.Period && TextKey.Fold(r.Title) == TextKey.Fold(details.Title));
}

/// <summary>A training event is credited to a candidate once.</summary>
public sealed class TrainingEventCreditedOnceRule(IEnumerable<TrainingRecord> recorded, Guid? trainingEventId) : IBusinessRule
{
    public Error Error => Error.Conflict("training.already-credited", "This training event has already been credited to the candidate.");

    public bool IsBroken() => trainingEventId is { } id && recorded.Any(r => r.TrainingEventId == id);
}
