using System.Runtime.CompilerServices;
using Dapper;
using Peksos.Clean.Application.Reports;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Infrastructure.Persistence.Certificates;

namespace Peksos.Clean.Infrastructure.Persistence.Reports;

/// <summary>The summary report's counts, each a grouped SQL query on either engine.</summary>
public sealed class ReportQueries(DbSession session) : IReportQueries, ICertificateExport
{
    private string YearOf(string column) => session.Provider == DatabaseProvider.Postgres
        ? $"CAST(EXTRACT(YEAR FROM {column}) AS integer)"
        : $"CAST(substr({column}, 1, 4) AS integer)";

    private static (string Where, DynamicParameters Parameters) Filter(ReportFilter filter, string regionColumn, string? yearExpression)
    {
        var where = new List<string> { "1 = 1" };
        var parameters = new DynamicParameters();
        if (filter.ProvinceCode is not null)
        {
            where.Add($"substr({regionColumn}, 1, 2) = @Province");
            parameters.Add("Province", filter.ProvinceCode);
        }

        if (filter.Year is not null && yearExpression is not null)
        {
            where.Add($"{yearExpression} = @Year");
            parameters.Add("Year", filter.Year);
        }

        parameters.Add("Today", filter.Today);
        return (string.Join(" AND ", where), parameters);
    }

    public async Task<IReadOnlyList<CountRow>> CandidatesAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, "region_code", YearOf("created_at"));
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, long)>(session.Command(
            $"SELECT employment_type, substr(region_code, 1, 2), COUNT(*) FROM candidates WHERE {where} GROUP BY employment_type, substr(region_code, 1, 2)",
            parameters, cancellationToken));
        return rows.Select(r => new CountRow(r.Item1, r.Item2, (int)r.Item3)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> PortfoliosByStatusAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, "c.region_code", YearOf("p.created_at"));
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(session.Command(
            $"SELECT p.status, COUNT(*) FROM portfolios p JOIN candidates c ON c.id = p.candidate_id WHERE {where} GROUP BY p.status",
            parameters, cancellationToken));
        return rows.ToDictionary(r => r.Item1, r => (int)r.Item2, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ResultRow>> ResultsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, "c.region_code", YearOf("p.assessed_at"));
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, long, long, long)>(session.Command(
            $"""
            SELECT c.employment_type, substr(c.region_code, 1, 2),
                   COUNT(p.assessed_at),
                   SUM(CASE WHEN p.result = 'k' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN p.result = 'bk' THEN 1 ELSE 0 END)
            FROM exam_participants p JOIN candidates c ON c.id = p.candidate_id
            WHERE p.assessed_at IS NOT NULL AND {where}
            GROUP BY c.employment_type, substr(c.region_code, 1, 2)
            """, parameters, cancellationToken));
        return rows.Select(r => new ResultRow(r.Item1, r.Item2, (int)r.Item3, (int)r.Item4, (int)r.Item5)).ToList();
    }

    public async Task<IReadOnlyList<CategoryRow>> ByCategoryAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        // practice_areas is a comma list of category codes; a candidate counts under each of their categories.
        var (candidateWhere, parameters) = Filter(filter, "c.region_code", YearOf("c.created_at"));
        var (resultWhere, _) = Filter(filter, "c.region_code", YearOf("p.assessed_at"));
        var connection = await session.ConnectionAsync(cancellationToken);
        var result = new List<CategoryRow>();
        foreach (var category in PmksCategory.All)
        {
            parameters.Add("Pattern", $"%,{category.Code},%");
            var match = "(',' || c.practice_areas || ',') LIKE @Pattern";
            var candidates = await connection.ExecuteScalarAsync<long>(session.Command(
                $"SELECT COUNT(*) FROM candidates c WHERE {match} AND {candidateWhere}", parameters, cancellationToken));
            var (assessed, k, bk) = await connection.QuerySingleAsync<(long, long, long)>(session.Command(
                $"""
                SELECT COUNT(p.assessed_at), COALESCE(SUM(CASE WHEN p.result = 'k' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN p.result = 'bk' THEN 1 ELSE 0 END), 0)
                FROM exam_participants p JOIN candidates c ON c.id = p.candidate_id
                WHERE p.assessed_at IS NOT NULL AND {match} AND {resultWhere}
                """, parameters, cancellationToken));
            result.Add(new CategoryRow(category.Code, (int)candidates, (int)assessed, (int)k, (int)bk));
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, int>> ActiveCertificatesAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, "region_code", filter.Year is null ? null : YearOf("issued_on"));
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(session.Command(
            $"""
            SELECT substr(region_code, 1, 2), COUNT(*) FROM certificates
            WHERE {CertificateStatusSql.Valid} AND {where}
            GROUP BY substr(region_code, 1, 2)
            """, parameters, cancellationToken));
        return rows.ToDictionary(r => r.Item1, r => (int)r.Item2, StringComparer.Ordinal);
    }

    public async IAsyncEnumerable<CertificateExportRow> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ExportRow>(
            "SELECT number, holder_name, scheme_code, region_code, issued_on, valid_until, status FROM certificates ORDER BY number", null, session.Transaction);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new CertificateExportRow(row.Number, row.HolderName, row.SchemeCode, row.RegionCode, row.IssuedOn, row.ValidUntil, CertificateStatusSql.Read(row.Status));
        }
    }

    private sealed class ExportRow
    {
        public string Number { get; set; } = "";
        public string HolderName { get; set; } = "";
        public string SchemeCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public DateOnly IssuedOn { get; set; }
        public DateOnly ValidUntil { get; set; }
        public string Status { get; set; } = "";
    }
}
