using Dapper;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Infrastructure.Persistence.Candidates;

public sealed class CandidateQueries(DbSession session) : ICandidateQueries
{
    public async Task<IReadOnlyList<CandidateSummaryDto>> ListAsync(CandidateFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(filter.Q))
        {
            // The start of any word of the name, ignoring case and diacritics: ranges on the word index (SearchWords).
            where.AddRange((await SearchWords.Candidates.ConditionsAsync(session, filter.Q, "candidates.id", parameters, cancellationToken)).Conditions);
        }

        if (filter.RegionCode is not null)
        {
            where.Add(filter.RegionCode.Length == 2 ? "substr(region_code, 1, 2) = @Region" : "region_code = @Region");
            parameters.Add("Region", filter.RegionCode);
        }

        if (filter.EmploymentType is not null)
        {
            where.Add("employment_type = @EmploymentType");
            parameters.Add("EmploymentType", filter.EmploymentType);
        }

        if (page.AfterId is { } after)
        {
            where.Add("id > @After");
            parameters.Add("After", after);
        }

        parameters.Add("Take", page.Limit + 1);
        var sql = $"""
            SELECT id, nik_last4, full_name, employment_type, organisation, region_code, practice_hours, training_hours, created_at
            FROM candidates {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY id LIMIT @Take
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(sql, parameters, cancellationToken));
        return rows.Select(r => new CandidateSummaryDto(r.Id, Domain.Candidates.Nik.MaskedFrom(r.NikLast4), r.FullName, r.EmploymentType, r.Organisation, r.RegionCode,
            r.PracticeHours, r.TrainingHours, r.CreatedAt)).ToList();
    }

    public async Task<string?> NikLastFourAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        return await session.QuerySingleByKeyAsync("SELECT nik_last4 FROM candidates WHERE id = @Id", "Id", candidateId, r => r.GetString(0), cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string NikLast4 { get; set; } = "";
        public string FullName { get; set; } = "";
        public string EmploymentType { get; set; } = "";
        public string Organisation { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public int PracticeHours { get; set; }
        public int TrainingHours { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
    }
}
