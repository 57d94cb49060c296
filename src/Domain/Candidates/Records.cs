using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>An inclusive period of days.</summary>
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static Result<DatePeriod> Create(DateOnly start, DateOnly end) =>
        end < start ? Error.Validation("period.invalid", "The end date is before the start date.") : new DatePeriod(start, end);
}

/// <summary>A practice record as parsed from a request: every part already valid on its own.</summary>
public sealed record PracticeRecordDetails(string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory)
{
    public const int MaxRoleLength = 200;
}

public sealed record PracticeRecord(Guid Id, string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory);

/// <summary>Kind of training: a Bimtek (technical guidance), a diklat (formal course) or other.</summary>
public sealed record TrainingKind : ICoded
{
    private TrainingKind(string code) => Code = code;

    public string Code { get; }

    public static readonly TrainingKind Bimtek = new("bimtek");
    public static readonly TrainingKind Diklat = new("diklat");
    public static readonly TrainingKind Other = new("other");

    public static IReadOnlyList<TrainingKind> All { get; } = [Bimtek, Diklat, Other];

    public static Result<TrainingKind> FromCode(string? code) => CodeList.Parse(All, code, "training-kind.invalid", "A training kind");

    public override string ToString() => Code;
}

/// <summary>A training record as parsed from a request, or as credited by a completed Bimtek (<see cref="TrainingEventId"/>).</summary>
public sealed record TrainingRecordDetails(string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId = null)
{
    public const int MaxTitleLength = 200;
}

public sealed record TrainingRecord(Guid Id, string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId);

/// <summary>A recorded period is over (not in the future) and its hours fit in its days (at most 24 a day).</summary>
public sealed class RecordedPeriodMustBeRealRule(DatePeriod period, int hours, DateOnly today) : IBusinessRule
{
    public Error Error => period.End > today
        ? Error.Validation("period.in-future", "A record cannot end in the future.")
        : Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).");

    public bool IsBroken() => period.End > today || hours > period.Days * 24;
}
