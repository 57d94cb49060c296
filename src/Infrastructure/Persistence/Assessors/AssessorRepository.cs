using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence.Assessors;

public sealed class AssessorRepository(DbSession session, ChangeTracker tracker) : IAssessorRepository
{
    public async Task<Assessor?> GetAsync(AssessorId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AssessorRow>(session.Command(
            "SELECT id, full_name, registration_number, organisation, email, created_at, version FROM assessors WHERE id = @Id",
            new { Id = id.Value }, cancellationToken));
        return row is null
            ? null
            : Assessor.Rehydrate(new AssessorId(row.Id), PersonName.Parse(row.FullName).Value, row.RegistrationNumber, row.Organisation,
                Email.Parse(row.Email).Value, row.CreatedAt, row.Version);
    }

    public async Task<Result> AddAsync(Assessor assessor, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM assessors WHERE registration_number = @RegistrationNumber", new { assessor.RegistrationNumber }, cancellationToken));
        if (taken > 0)
        {
            return AssessorErrors.DuplicateRegistrationNumber;
        }

        try
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO assessors (id, full_name, registration_number, organisation, email, created_at, version)
                VALUES (@Id, @FullName, @RegistrationNumber, @Organisation, @Email, @CreatedAt, 1)
                """,
                new { Id = assessor.Id.Value, FullName = assessor.FullName.Value, assessor.RegistrationNumber, assessor.Organisation, Email = assessor.Email.Value, assessor.CreatedAt },
                cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return AssessorErrors.DuplicateRegistrationNumber;
        }

        assessor.SetVersion(1);
        tracker.Track(assessor);
        return Result.Success();
    }

    private sealed class AssessorRow
    {
        public Guid Id { get; set; }
        public string FullName { get; set; } = "";
        public string RegistrationNumber { get; set; } = "";
        public string Organisation { get; set; } = "";
        public string Email { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public int Version { get; set; }
    }
}
