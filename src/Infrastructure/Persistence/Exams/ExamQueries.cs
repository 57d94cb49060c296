using Dapper;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Exams;

namespace Peksos.Clean.Infrastructure.Persistence.Exams;

public sealed class ExamQueries(DbSession session) : IExamQueries
{
    public async Task<IReadOnlyList<ExamSummaryDto>> ListAsync(ExamFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.SchemeCode is not null)
        {
            where.Add("e.scheme_code = @SchemeCode");
            parameters.Add("SchemeCode", filter.SchemeCode);
        }

        if (filter.Status is not null)
        {
            where.Add("e.status = @Status");
            parameters.Add("Status", filter.Status);
        }

        if (filter.AssignedAssessorId is { } assessor)
        {
            where.Add("EXISTS (SELECT 1 FROM exam_assessors a WHERE a.exam_id = e.id AND a.assessor_id = @Assessor)");
            parameters.Add("Assessor", assessor);
        }

        if (page.AfterId is { } after)
        {
            where.Add("e.id < @After");
            parameters.Add("After", after);
        }

        parameters.Add("Take", page.Limit + 1);
        var sql = $"""
            SELECT e.id, e.scheme_code, e.title, e.venue, e.region_code, e.scheduled_on, e.capacity, e.status, e.created_at,
                   (SELECT COUNT(*) FROM exam_participants p WHERE p.exam_id = e.id) AS participants
            FROM exams e {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY e.id DESC LIMIT @Take
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(sql, parameters, cancellationToken));
        return rows.Select(r => new ExamSummaryDto(r.Id, r.SchemeCode, r.Title, r.Venue, r.RegionCode, r.ScheduledOn, r.Capacity, r.Status, (int)r.Participants, r.CreatedAt)).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string SchemeCode { get; set; } = "";
        public string Title { get; set; } = "";
        public string Venue { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public DateOnly ScheduledOn { get; set; }
        public int Capacity { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public long Participants { get; set; }
    }
}
