using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Assessors;

public readonly record struct AssessorId(Guid Value)
{
    public static AssessorId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>A registered competency assessor (asesor kompetensi) and the organisation they belong to.</summary>
public sealed class Assessor : AggregateRoot
{
    private Assessor(AssessorId id, PersonName fullName, string registrationNumber, string organisation, Email email, DateTimeOffset createdAt)
    {
        Id = id;
        FullName = fullName;
        RegistrationNumber = registrationNumber;
        Organisation = organisation;
        Email = email;
        CreatedAt = createdAt;
    }

    public AssessorId Id { get; }

    public PersonName FullName { get; }

    /// <summary>The assessor's registration number (e.g. with BNSP); unique.</summary>
    public string RegistrationNumber { get; }

    public string Organisation { get; }

    /// <summary>The organisation normalised for conflict-of-interest checks.</summary>
    public string OrganisationKey => Employment.NormaliseOrganisation(Organisation);

    public Email Email { get; }

    public DateTimeOffset CreatedAt { get; }

    public const int MaxRegistrationNumberLength = 64;

    public static Assessor Register(PersonName fullName, string registrationNumber, string organisation, Email email, TimeProvider clock)
    {
        Guard.Against.Null(fullName);
        Guard.Against.NullOrWhiteSpace(registrationNumber);
        Guard.Against.NullOrWhiteSpace(organisation);
        Guard.Against.Null(email);
        var now = clock.GetUtcNow();
        var assessor = new Assessor(AssessorId.New(), fullName, registrationNumber, organisation, email, now);
        assessor.Raise(new AssessorRegistered(assessor.Id, now));
        return assessor;
    }

    internal static Assessor Rehydrate(AssessorId id, PersonName fullName, string registrationNumber, string organisation, Email email, DateTimeOffset createdAt, int version)
    {
        var assessor = new Assessor(id, fullName, registrationNumber, organisation, email, createdAt);
        assessor.SetVersion(version);
        return assessor;
    }
}

public sealed record AssessorRegistered(AssessorId AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;
