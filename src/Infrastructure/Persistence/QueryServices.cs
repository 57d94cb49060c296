using System.Globalization;
using Dapper;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Exams;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Escapes a user's text for a LIKE pattern (with <c>ESCAPE '\'</c>), so % and _ are matched literally.</summary>
internal static class Like
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

public sealed class CandidateQueries(DbSession session) : ICandidateQueries
{
    public async Task<IReadOnlyList<CandidateSummaryDto>> ListAsync(CandidateFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(filter.Q))
        {
            // A name starts with q, or one of its words does (case-insensitive for ASCII on both engines).
            where.Add("(lower(full_name) LIKE @Prefix ESCAPE '\\' OR lower(full_name) LIKE @WordPrefix ESCAPE '\\')");
            var q = Like.Escape(filter.Q.ToLowerInvariant());
            parameters.Add("Prefix", q + "%");
            parameters.Add("WordPrefix", "% " + q + "%");
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

public sealed class CertificateQueries(DbSession session) : ICertificateQueries
{
    private const string Columns = "id, number, holder_name, scheme_code, region_code, issued_on, valid_until, status";
    private const string FindSql = $"SELECT {Columns} FROM certificates WHERE number = @Number";

    private static readonly string WithHolderSql = Certificates.CertificateRepository.SelectWithHistory(
        ", d.nik_last4", " JOIN candidates d ON d.id = c.candidate_id");

    public async Task<CertificateWithHolder?> FindWithHolderAsync(Domain.Certificates.CertificateNumber number, CancellationToken cancellationToken)
    {
        var rows = await session.QueryByKeyAsync(WithHolderSql, "Number", number.Value, Certificates.CertificateRepository.CertificateRow.Read, cancellationToken);
        return Certificates.CertificateRepository.Map(rows) is { } certificate ? new CertificateWithHolder(certificate, rows[0].NikLast4) : null;
    }

    public async Task<CertificateRow?> FindAsync(string number, CancellationToken cancellationToken)
    {
        // By position, in the order of Columns (the verification's read: on every public verification).
        return await session.QuerySingleByKeyAsync(FindSql, "Number", number, r => new CertificateRow(TypeHandlers.ReadGuid(r, 0), r.GetString(1), r.GetString(2),
            r.GetString(3), r.GetString(4), TypeHandlers.ReadDate(r, 5), TypeHandlers.ReadDate(r, 6), r.GetString(7)), cancellationToken);
    }

    public async Task<IReadOnlyList<CertificateRow>> RegisterAsync(CertificateFilter filter, DateOnly today, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(filter.Q))
        {
            // A range on the indexed key, so a prefix search is an index seek on both engines.
            var prefix = Domain.Certificates.Certificate.RegisterKey(filter.Q);
            where.Add("holder_key >= @From AND holder_key < @To");
            parameters.Add("From", prefix);
            parameters.Add("To", prefix[..^1] + (char)(prefix[^1] + 1));
        }

        if (filter.SchemeCode is not null)
        {
            where.Add("scheme_code = @SchemeCode");
            parameters.Add("SchemeCode", filter.SchemeCode);
        }

        if (filter.RegionCode is not null)
        {
            where.Add(filter.RegionCode.Length == 2 ? "substr(region_code, 1, 2) = @Region" : "region_code = @Region");
            parameters.Add("Region", filter.RegionCode);
        }

        switch (filter.Status)
        {
            case "revoked":
                where.Add("status = 'revoked'");
                break;
            case "expired":
                where.Add("status <> 'revoked' AND valid_until < @Today");
                break;
            case "active" or "suspended":
                where.Add("status = @Status AND valid_until >= @Today");
                parameters.Add("Status", filter.Status);
                break;
        }

        parameters.Add("Today", today);
        if (page.AfterId is { } after)
        {
            where.Add("(holder_key > @AfterKey OR (holder_key = @AfterKey AND id > @AfterId))");
            parameters.Add("AfterKey", page.AfterKey);
            parameters.Add("AfterId", after);
        }

        parameters.Add("Take", page.Limit + 1);
        var sql = $"SELECT {Columns} FROM certificates {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY holder_key, id LIMIT @Take";
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(session.Command(sql, parameters, cancellationToken))).Select(r => r.ToDto()).ToList();
    }

    public async Task<IReadOnlyList<CertificateRow>> ExpiringAsync(DateOnly today, DateOnly until, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Today", today);
        parameters.Add("Until", until);
        parameters.Add("Take", page.Limit + 1);
        var keyset = string.Empty;
        if (page.AfterId is { } after && DateOnly.TryParseExact(page.AfterKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var afterDate))
        {
            keyset = "AND (valid_until > @AfterDate OR (valid_until = @AfterDate AND id > @AfterId))";
            parameters.Add("AfterDate", afterDate);
            parameters.Add("AfterId", after);
        }

        var sql = $"""
            SELECT {Columns} FROM certificates
            WHERE status = 'active' AND valid_until >= @Today AND valid_until <= @Until {keyset}
            ORDER BY valid_until, id LIMIT @Take
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(session.Command(sql, parameters, cancellationToken))).Select(r => r.ToDto()).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Number { get; set; } = "";
        public string HolderName { get; set; } = "";
        public string SchemeCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public DateOnly IssuedOn { get; set; }
        public DateOnly ValidUntil { get; set; }
        public string Status { get; set; } = "";

        public CertificateRow ToDto() => new(Id, Number, HolderName, SchemeCode, RegionCode, IssuedOn, ValidUntil, Status);
    }
}
