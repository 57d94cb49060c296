using Dapper;

namespace Peksos.Clean.Infrastructure.Persistence.Reports;

/// <summary>
/// Keeps <c>report_counts</c> small. On PostgreSQL the triggers append deltas: one statement folds every visible delta
/// into one row per key (rows written meanwhile are not visible to it and stay). On SQLite the triggers add in place
/// and only keys that fell to zero are dropped.
/// </summary>
public sealed class ReportCounts(DbSession session)
{
    public async Task<int> CompactAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(session.Provider == DatabaseProvider.Postgres
            ? """
              WITH gone AS (DELETE FROM report_counts RETURNING measure, province, year, dim, n)
              INSERT INTO report_counts (measure, province, year, dim, n)
              SELECT measure, province, year, dim, SUM(n) FROM gone GROUP BY measure, province, year, dim HAVING SUM(n) <> 0
              """
            : "DELETE FROM report_counts WHERE n = 0", null, cancellationToken));
    }
}
