using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>An inclusive period of days.</summary>
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static Result<DatePeriod> Create(DateOnly? start, DateOnly? end)
    {
        var errors = new ErrorCollector();
        errors.Require(start, "startDate");
        errors.Require(end, "endDate");
        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        return end < start
            ? Error.Validation("period.invalid", "The end date is before the start date.", "endDate")
            : new DatePeriod(start!.Value, end!.Value);
    }
}

public sealed record PracticeRecordDetails(string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory)
{
    public static Result<PracticeRecordDetails> Create(string? organisation, string? role, DateOnly? startDate, DateOnly? endDate, int? hours, string? pmksCategory)
    {
        var errors = new ErrorCollector();
        var org = errors.Take(Text.Required(organisation, Employment.MaxOrganisationLength, "practice.organisation-invalid"), "organisation");
        var parsedRole = errors.Take(Text.Required(role, 200, "practice.role-invalid"), "role");
        var period = errors.Take(DatePeriod.Create(startDate, endDate), string.Empty);
        var category = errors.Take(PmksCategory.FromCode(pmksCategory), "pmksCategory");
        if (errors.Require(hours, "hours") && hours <= 0)
        {
            errors.Add(Error.Validation("hours.invalid", "Hours must be positive."), "hours");
        }

        return errors.HasErrors ? errors.ToError() : new PracticeRecordDetails(org!, parsedRole!, period!, hours!.Value, category!);
    }
}

/// <summary>A period of social-work practice, tagged with the PMKS category it served.</summary>
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

public sealed record TrainingRecordDetails(string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId = null)
{
    public static Result<TrainingRecordDetails> Create(string? title, string? organiser, DateOnly? startDate, DateOnly? endDate, int? hours, string? kind)
    {
        var errors = new ErrorCollector();
        var parsedTitle = errors.Take(Text.Required(title, 200, "training.title-invalid"), "title");
        var parsedOrganiser = errors.Take(Text.Required(organiser, 200, "training.organiser-invalid"), "organiser");
        var period = errors.Take(DatePeriod.Create(startDate, endDate), string.Empty);
        var parsedKind = errors.Take(TrainingKind.FromCode(kind), "kind");
        if (errors.Require(hours, "hours") && hours <= 0)
        {
            errors.Add(Error.Validation("hours.invalid", "Hours must be positive."), "hours");
        }

        return errors.HasErrors ? errors.ToError() : new TrainingRecordDetails(parsedTitle!, parsedOrganiser!, period!, hours!.Value, parsedKind!);
    }
}

/// <summary>A completed training with the hours it credits.</summary>
public sealed record TrainingRecord(Guid Id, string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId);

/// <summary>A recorded period is over (not in the future) and its hours fit in its days (at most 24 a day).</summary>
public sealed class RecordedPeriodMustBeRealRule(DatePeriod period, int hours, DateOnly today) : IBusinessRule
{
    public Error Error => period.End > today
        ? Error.Validation("period.in-future", "A record cannot end in the future.", "endDate")
        : Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).", "hours");

    public bool IsBroken() => period.End > today || hours > period.Days * 24;
}
