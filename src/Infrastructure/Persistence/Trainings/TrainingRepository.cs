using Dapper;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Trainings;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Infrastructure.Persistence.Trainings;

public sealed class TrainingRepository(DbSession session, ChangeTracker tracker) : ITrainingRepository
{
    public async Task<TrainingEvent?> GetAsync(TrainingEventId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TrainingRow>(session.Command(
            """
            SELECT id, title, organiser, venue, region_code, start_date, end_date, hours, capacity, created_at, completed_at, version
            FROM trainings WHERE id = @Id
            """, new { Id = id.Value }, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var participants = await connection.QueryAsync<ParticipantRow>(session.Command(
            "SELECT candidate_id, enrolled_at, attended_hours FROM training_participants WHERE training_id = @Id ORDER BY position", new { row.Id }, cancellationToken));
        return TrainingEvent.Rehydrate(new TrainingEventId(row.Id), row.Title, row.Organiser, row.Venue, Stored.Value(RegionCode.Parse(row.RegionCode)),
            new DatePeriod(row.StartDate, row.EndDate), row.Hours, row.Capacity, row.CreatedAt, row.CompletedAt, row.Version,
            participants.Select(p => new TrainingParticipant(new CandidateId(p.CandidateId), p.EnrolledAt, p.AttendedHours)));
    }

    public async Task AddAsync(TrainingEvent training, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO trainings (id, title, organiser, venue, region_code, start_date, end_date, hours, capacity, created_at, completed_at, version)
            VALUES (@Id, @Title, @Organiser, @Venue, @RegionCode, @StartDate, @EndDate, @Hours, @Capacity, @CreatedAt, @CompletedAt, 1)
            """,
            new
            {
                Id = training.Id.Value,
                training.Title,
                training.Organiser,
                training.Venue,
                RegionCode = training.Region.Value,
                StartDate = training.Period.Start,
                EndDate = training.Period.End,
                training.Hours,
                training.Capacity,
                training.CreatedAt,
                training.CompletedAt,
            }, cancellationToken));
        await WriteParticipantsAsync(training, cancellationToken);
        training.SetVersion(1);
        tracker.Track(training);
    }

    public Task<Result> UpdateAsync(TrainingEvent training, CancellationToken cancellationToken) =>
        VersionedUpdate.ApplyAsync(session, tracker, training, "training",
            "UPDATE trainings SET completed_at = @CompletedAt, version = version + 1 WHERE id = @Id AND version = @Version",
            new { Id = training.Id.Value, training.CompletedAt, training.Version },
            _ => WriteParticipantsAsync(training, cancellationToken),
            cancellationToken);

    private async Task WriteParticipantsAsync(TrainingEvent training, CancellationToken cancellationToken)
    {
        if (training.Participants.Count == 0)
        {
            return;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO training_participants (training_id, candidate_id, position, enrolled_at, attended_hours)
            VALUES (@TrainingId, @CandidateId, @Position, @EnrolledAt, @AttendedHours)
            ON CONFLICT (training_id, candidate_id) DO UPDATE SET attended_hours = excluded.attended_hours
            """,
            training.Participants.Select((p, i) => new { TrainingId = training.Id.Value, CandidateId = p.CandidateId.Value, Position = i, p.EnrolledAt, p.AttendedHours }).ToList(),
            cancellationToken));
    }

    private sealed class TrainingRow
    {
        public Guid Id { get; set; }
        public string Title { get; set; } = "";
        public string Organiser { get; set; } = "";
        public string Venue { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public int Hours { get; set; }
        public int Capacity { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public int Version { get; set; }
    }

    private sealed class ParticipantRow
    {
        public Guid CandidateId { get; set; }
        public DateTimeOffset EnrolledAt { get; set; }
        public int? AttendedHours { get; set; }
    }
}
