using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Peksos.Clean.Application.Reports;
using Peksos.Clean.Infrastructure.Persistence.Certificates;

namespace Peksos.Clean.Infrastructure.Persistence.Reports;

/// <summary>
/// The summary report's counts: one grouped read of <c>report_counts</c>, which triggers keep in step with every write
/// (migration 0023), and the certificates export.
/// </summary>
public sealed class ReportQueries(DbSession session) : IReportQueries, ICertificateExport
{
    public async Task<IReadOnlyList<ReportCount>> CountsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"(measure <> '{ReportMeasure.ActiveCertificates}' OR dim >= @Today)" };
        if (filter.ProvinceCode is not null)
        {
            where.Add("province = @Province");
        }

        if (filter.Year is not null)
        {
            where.Add("year = @Year");
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, string, long)>(session.Command(
            $"""
            SELECT measure, dim, province, CAST(SUM(n) AS bigint) FROM report_counts WHERE {string.Join(" AND ", where)}
            GROUP BY measure, dim, province HAVING SUM(n) <> 0
            """,
            new { Today = filter.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Province = filter.ProvinceCode, filter.Year }, cancellationToken));
        return rows.Select(r => new ReportCount(r.Item1, r.Item2, r.Item3, (int)r.Item4)).ToList();
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
