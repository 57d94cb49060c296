using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

public readonly record struct CandidateId(Guid Value)
{
    public static CandidateId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Everything a candidate declares at registration, already validated field by field.</summary>
public sealed record CandidateProfile(
    Nik Nik,
    PersonName FullName,
    DateOnly BirthDate,
    Sex Sex,
    Email Email,
    PhoneNumber Phone,
    Education Education,
    Employment Employment,
    IReadOnlyList<PmksCategory> PracticeAreas);

/// <summary>
/// A person seeking certification: profile, practice records and training records, with the totals that
/// eligibility rules read.
/// </summary>
public sealed partial class Candidate : AggregateRoot
{
    public const int MinimumAge = 18;

    private readonly List<PracticeRecord> _practiceRecords = [];
    private readonly List<TrainingRecord> _trainingRecords = [];

    private Candidate(CandidateId id, CandidateProfile profile, DateTimeOffset createdAt)
    {
        Id = id;
        Profile = profile;
        CreatedAt = createdAt;
    }

    public CandidateId Id { get; }

    public CandidateProfile Profile { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public IReadOnlyList<PracticeRecord> PracticeRecords => _practiceRecords;

    public IReadOnlyList<TrainingRecord> TrainingRecords => _trainingRecords;

    /// <summary>Every practice record's hours, summed without overflow (a total past <see cref="int.MaxValue"/> stays there).</summary>
    public int PracticeHours => Saturated(_practiceRecords.Sum(r => (long)r.Hours));

    public int TrainingHours => Saturated(_trainingRecords.Sum(r => (long)r.Hours));

    /// <summary>Practice hours dated inside <paramref name="period"/>: a record partly inside counts for its days inside, pro rata.</summary>
    public int PracticeHoursWithin(DatePeriod period) => Saturated(_practiceRecords.Sum(r => r.Period.HoursWithin(r.Hours, period)));

    /// <summary>Training hours dated inside <paramref name="period"/>, pro rata as for practice.</summary>
    public int TrainingHoursWithin(DatePeriod period) => Saturated(_trainingRecords.Sum(r => r.Period.HoursWithin(r.Hours, period)));

    /// <summary>The earliest birth date accepted (anything earlier is a typing error).</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Soft NIK warnings: the declared birth date or sex disagrees with what the NIK encodes.</summary>
    public IReadOnlyList<string> NikWarnings => Profile.Nik.WarningsAgainst(Profile.BirthDate, Profile.Sex);

    /// <summary>The organisation the candidate works for, normalised for conflict-of-interest checks.</summary>
    public string OrganisationKey => Employment.NormaliseOrganisation(Profile.Employment.Organisation);

    public static Result<Candidate> Register(CandidateProfile profile, TimeProvider clock)
    {
        Guard.Against.Null(profile);
        Guard.Against.Null(clock);

        var now = clock.GetUtcNow();
        var rule = Check(new CandidateMustBeAdultRule(profile.BirthDate, clock.Today()));
        if (rule.IsFailure)
        {
            return rule.Error!;
        }

        if (profile.PracticeAreas.Count == 0)
        {
            return Error.Validation("practice-areas.required", "At least one practice area (PMKS category) is required.");
        }

        var candidate = new Candidate(CandidateId.New(), profile with { PracticeAreas = profile.PracticeAreas.Distinct().ToList() }, now);
        candidate.Raise(new CandidateRegistered(candidate.Id, now));
        return candidate;
    }

    /// <summary>Adds a period of supervised or professional practice; the practice hours grow by its hours.</summary>
    public Result<PracticeRecord> RecordPractice(PracticeRecordDetails details, TimeProvider clock)
    {
        Guard.Against.Null(details);
        var now = clock.GetUtcNow();
        var refused = FirstBroken(
            new PeriodNotInFutureRule(details.Period, clock.Today()),
            new PeriodFromAge15Rule(details.Period, Profile.BirthDate),
            new PracticeHoursFitPeriodRule(details.Period, details.Hours),
            new PracticeRecordedOnceRule(_practiceRecords, details));
        if (refused is not null)
        {
            return refused;
        }

        var record = new PracticeRecord(Guid.CreateVersion7(), details.Organisation, details.Role, details.Period, details.Hours, details.PmksCategory);
        _practiceRecords.Add(record);
        Raise(new PracticeRecorded(Id, record.Id, record.Hours, now));
        return record;
    }

    /// <summary>Adds a training (Bimtek, diklat …); the training hours grow by its hours.</summary>
    public Result<TrainingRecord> RecordTraining(TrainingRecordDetails details, TimeProvider clock)
    {
        Guard.Against.Null(details);
        var now = clock.GetUtcNow();
        var refused = FirstBroken(
            new PeriodNotInFutureRule(details.Period, clock.Today()),
            new PeriodFromAge15Rule(details.Period, Profile.BirthDate),
            new TrainingHoursFitPeriodRule(details.Period, details.Hours),
            new TrainingEventCreditedOnceRule(_trainingRecords, details.TrainingEventId),
            new BimtekCreditedOnceRule(_trainingRecords, details));
        if (refused is not null)
        {
            return refused;
        }

        var record = new TrainingRecord(Guid.CreateVersion7(), details.Title, details.Organiser, details.Period, details.Hours, details.Kind, details.TrainingEventId);
        _trainingRecords.Add(record);
        Raise(new TrainingRecorded(Id, record.Id, record.Hours, now));
        return record;
    }

    private static int Saturated(long total) => (int)Math.Min(total, int.MaxValue);

    /// <summary>Rebuilds a stored candidate without raising events.</summary>
    internal static Candidate Rehydrate(
        CandidateId id,
        CandidateProfile profile,
        DateTimeOffset createdAt,
        int version,
        IEnumerable<PracticeRecord> practiceRecords,
        IEnumerable<TrainingRecord> trainingRecords)
    {
        var candidate = new Candidate(id, profile, createdAt);
        candidate._practiceRecords.AddRange(practiceRecords);
        candidate._trainingRecords.AddRange(trainingRecords);
        candidate.SetVersion(version);
        return candidate;
    }
}

/// <summary>Candidates must be 18 or older on the day they register.</summary>
public sealed class CandidateMustBeAdultRule(DateOnly birthDate, DateOnly today) : IBusinessRule
{
    public const string Code = "candidate.underage";

    public Error Error => Error.Validation(Code, $"A candidate must be at least {Candidate.MinimumAge} years old.");

    public bool IsBroken() => birthDate.AddYears(Candidate.MinimumAge) > today;
}

public sealed record CandidateRegistered(CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PracticeRecorded(CandidateId CandidateId, Guid PracticeRecordId, int Hours, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TrainingRecorded(CandidateId CandidateId, Guid TrainingRecordId, int Hours, DateTimeOffset OccurredAt) : IDomainEvent;
