using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings;

public sealed record TrainingParticipantDto(Guid CandidateId, DateTimeOffset EnrolledAt, int? AttendedHours);

/// <summary>A Bimtek as admins see it, with its participants.</summary>
public sealed record TrainingDto(Guid Id, string Title, string Organiser, string Venue, string RegionCode, DateOnly StartDate, DateOnly EndDate, int Hours,
    int Capacity, string Status, IReadOnlyList<TrainingParticipantDto> Participants, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, int Version) : IVersioned
{
    public static TrainingDto From(TrainingEvent t) => new(t.Id.Value, t.Title, t.Organiser, t.Venue, t.Region.Value, t.Period.Start, t.Period.End, t.Hours,
        t.Capacity, t.IsCompleted ? "completed" : "planned", t.Participants.Select(p => new TrainingParticipantDto(p.CandidateId.Value, p.EnrolledAt, p.AttendedHours)).ToList(),
        t.CreatedAt, t.CompletedAt, t.Version);
}
