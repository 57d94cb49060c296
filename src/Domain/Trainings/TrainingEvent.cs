using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Trainings;

public readonly record struct TrainingEventId(Guid Value)
{
    public static TrainingEventId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>An enrolled attendee and, once the event is completed, the hours they attended.</summary>
public sealed record TrainingParticipant(CandidateId CandidateId, DateTimeOffset EnrolledAt, int? AttendedHours);

/// <summary>An attendee's credit from a completed event: a <c>bimtek</c> training record of the attended hours.</summary>
public sealed record TrainingCredit(CandidateId CandidateId, TrainingRecordDetails Record);

/// <summary>
/// A Bimtek (technical guidance) event: participants up to capacity, then completion with attendance, which credits
/// each attendee a training record of the hours attended — exactly once.
/// </summary>
public sealed class TrainingEvent : AggregateRoot
{
    public const int MaxCapacity = 2_000;

    private readonly List<TrainingParticipant> _participants = [];

    private TrainingEvent(TrainingEventId id, string title, string organiser, string venue, RegionCode region, DatePeriod period, int hours, int capacity, DateTimeOffset createdAt)
    {
        Id = id;
        Title = title;
        Organiser = organiser;
        Venue = venue;
        Region = region;
        Period = period;
        Hours = hours;
        Capacity = capacity;
        CreatedAt = createdAt;
    }

    public TrainingEventId Id { get; }

    public string Title { get; }

    public string Organiser { get; }

    public string Venue { get; }

    public RegionCode Region { get; }

    public DatePeriod Period { get; }

    /// <summary>The event's full length in hours (the most anyone can be credited).</summary>
    public int Hours { get; }

    public int Capacity { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public IReadOnlyList<TrainingParticipant> Participants => _participants;

    public static Result<TrainingEvent> Plan(string? title, string? organiser, string? venue, string? regionCode, DateOnly? startDate, DateOnly? endDate, int? hours, int? capacity, TimeProvider clock)
    {
        var errors = new ErrorCollector();
        var parsedTitle = errors.Take(Text.Required(title, 200, "training.title-invalid"), "title");
        var parsedOrganiser = errors.Take(Text.Required(organiser, 200, "training.organiser-invalid"), "organiser");
        var parsedVenue = errors.Take(Text.Required(venue, 200, "training.venue-invalid"), "venue");
        var region = errors.Take(RegionCode.Parse(regionCode), "regionCode");
        var period = errors.Take(DatePeriod.Create(startDate, endDate), string.Empty);
        if (errors.Require(hours, "hours") && hours <= 0)
        {
            errors.Add(Error.Validation("hours.invalid", "Hours must be positive."), "hours");
        }

        if (errors.Require(capacity, "capacity") && capacity is < 1 or > MaxCapacity)
        {
            errors.Add(Error.Validation("training.capacity-invalid", $"Capacity is 1–{MaxCapacity}."), "capacity");
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        if (hours > period!.Days * 24)
        {
            return Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).", "hours");
        }

        var now = clock.GetUtcNow();
        var training = new TrainingEvent(TrainingEventId.New(), parsedTitle!, parsedOrganiser!, parsedVenue!, region!, period, hours!.Value, capacity!.Value, now);
        training.Raise(new TrainingPlanned(training.Id, now));
        return training;
    }

    public Result Enrol(CandidateId candidateId, TimeProvider clock)
    {
        if (IsCompleted)
        {
            return Error.Conflict("training.completed", "The training is completed; nobody can enrol any more.");
        }

        if (_participants.Any(p => p.CandidateId == candidateId))
        {
            return Error.Conflict("training.already-enrolled", "The candidate is already enrolled.");
        }

        if (_participants.Count >= Capacity)
        {
            return Error.Rule("training.capacity-reached", $"The training is full ({Capacity} participants).");
        }

        var now = clock.GetUtcNow();
        _participants.Add(new TrainingParticipant(candidateId, now, null));
        Raise(new TrainingParticipantEnrolled(Id, candidateId, now));
        return Result.Success();
    }

    /// <summary>
    /// Completes the event with each attendee's hours (absent participants may be left out or given 0) and returns
    /// the credits to record on the attendees. Completes once.
    /// </summary>
    public Result<IReadOnlyList<TrainingCredit>> Complete(IReadOnlyList<(CandidateId CandidateId, int AttendedHours)> attendance, TimeProvider clock)
    {
        if (IsCompleted)
        {
            return Error.Conflict("training.already-completed", "The training has already been completed; attendance is credited once.");
        }

        var now = clock.GetUtcNow();
        if (DateOnly.FromDateTime(now.UtcDateTime) < Period.End)
        {
            return Error.Rule("training.not-finished", $"The training ends on {Period.End:yyyy-MM-dd}; it can be completed from then.");
        }

        var errors = new ErrorCollector();
        for (var i = 0; i < attendance.Count; i++)
        {
            var (candidateId, attended) = attendance[i];
            if (_participants.All(p => p.CandidateId != candidateId))
            {
                errors.Add(Error.Validation("training.not-enrolled", "The candidate is not enrolled in this training."), $"attendance[{i}].candidateId");
            }

            if (attended < 0 || attended > Hours)
            {
                errors.Add(Error.Validation("training.attended-hours-invalid", $"Attended hours are 0–{Hours}."), $"attendance[{i}].attendedHours");
            }
        }

        if (attendance.Select(a => a.CandidateId).Distinct().Count() != attendance.Count)
        {
            errors.Add(Error.Validation("training.duplicate-attendance", "Each attendee appears once."), "attendance");
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        var credits = new List<TrainingCredit>();
        for (var i = 0; i < _participants.Count; i++)
        {
            var participant = _participants[i];
            var hours = attendance.FirstOrDefault(a => a.CandidateId == participant.CandidateId).AttendedHours;
            _participants[i] = participant with { AttendedHours = hours };
            if (hours > 0)
            {
                credits.Add(new TrainingCredit(participant.CandidateId,
                    new TrainingRecordDetails(Title, Organiser, Period, hours, TrainingKind.Bimtek, Id.Value)));
            }
        }

        CompletedAt = now;
        Raise(new TrainingCompleted(Id, credits.Count, now));
        return credits;
    }

    internal static TrainingEvent Rehydrate(TrainingEventId id, string title, string organiser, string venue, RegionCode region, DatePeriod period, int hours, int capacity,
        DateTimeOffset createdAt, DateTimeOffset? completedAt, int version, IEnumerable<TrainingParticipant> participants)
    {
        var training = new TrainingEvent(id, title, organiser, venue, region, period, hours, capacity, createdAt) { CompletedAt = completedAt };
        training._participants.AddRange(participants);
        training.SetVersion(version);
        return training;
    }
}

public sealed record TrainingPlanned(TrainingEventId TrainingEventId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TrainingCompleted(TrainingEventId TrainingEventId, int Credited, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TrainingParticipantEnrolled(TrainingEventId TrainingEventId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;
