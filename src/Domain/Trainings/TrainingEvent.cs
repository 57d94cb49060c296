using Ardalis.GuardClauses;
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

    /// <summary>Plans a Bimtek from parsed parts; its hours must fit in its days.</summary>
    public static Result<TrainingEvent> Plan(string title, string organiser, string venue, RegionCode region, DatePeriod period, int hours, int capacity, TimeProvider clock)
    {
        Guard.Against.NullOrWhiteSpace(title);
        Guard.Against.NullOrWhiteSpace(organiser);
        Guard.Against.NullOrWhiteSpace(venue);
        Guard.Against.Null(region);
        Guard.Against.Null(period);
        Guard.Against.NegativeOrZero(hours);
        Guard.Against.OutOfRange(capacity, nameof(capacity), 1, MaxCapacity);
        if (hours > period.Days * 24)
        {
            return Error.Validation("hours.exceed-period", $"{hours} hours do not fit in {period.Days} day(s).");
        }

        var now = clock.GetUtcNow();
        var training = new TrainingEvent(TrainingEventId.New(), title, organiser, venue, region, period, hours, capacity, now);
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
        if (clock.Today() < Period.End)
        {
            return Error.Rule("training.not-finished", $"The training ends on {Period.End:yyyy-MM-dd}; it can be completed from then.");
        }

        var notEnrolled = attendance.Count(a => _participants.All(p => p.CandidateId != a.CandidateId));
        var refused = BusinessRules.AllBroken(
            new AttendeesAreEnrolledRule(notEnrolled),
            new AttendedHoursWithinEventRule(attendance.Select(a => a.AttendedHours).ToList(), Hours),
            new EachAttendeeOnceRule(attendance.Select(a => a.CandidateId).Distinct().Count() != attendance.Count));
        if (refused is not null)
        {
            return refused;
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

/// <summary>Only enrolled participants are credited.</summary>
public sealed class AttendeesAreEnrolledRule(int notEnrolled) : IBusinessRule
{
    public Error Error => Error.Validation("training.not-enrolled", $"{notEnrolled} attendee(s) are not enrolled in this training.");

    public bool IsBroken() => notEnrolled > 0;
}

/// <summary>Nobody attends more hours than the event has.</summary>
public sealed class AttendedHoursWithinEventRule(IReadOnlyList<int> attended, int eventHours) : IBusinessRule
{
    public Error Error => Error.Validation("training.attended-hours-invalid", $"Attended hours are 0–{eventHours}.");

    public bool IsBroken() => attended.Any(h => h < 0 || h > eventHours);
}

/// <summary>Each attendee appears once in the attendance.</summary>
public sealed class EachAttendeeOnceRule(bool repeated) : IBusinessRule
{
    public Error Error => Error.Validation("training.duplicate-attendance", "Each attendee appears once.");

    public bool IsBroken() => repeated;
}
