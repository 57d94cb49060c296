using System.Globalization;
using Dapper;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Infrastructure.Persistence.Certificates;

public sealed class CertificateQueries(DbSession session) : ICertificateQueries
{
    private const string Columns = "id, number, holder_name, scheme_code, region_code, issued_on, valid_until, status, revision, superseded_by";
    private const string FindSql = $"SELECT {Columns} FROM certificates WHERE number = @Number";

    private static readonly string WithHolderSql = CertificateRepository.SelectWithHistory(
        ", d.nik_last4", " JOIN candidates d ON d.id = c.candidate_id");

    public async Task<CertificateWithHolder?> FindWithHolderAsync(CertificateNumber number, CancellationToken cancellationToken)
    {
        var rows = await session.QueryByKeyAsync(WithHolderSql, "Number", number.Value, CertificateRepository.CertificateRow.Read, cancellationToken);
        return CertificateRepository.Map(rows) is { } certificate ? new CertificateWithHolder(certificate, rows[0].NikLast4) : null;
    }

    public async Task<CertificateRow?> FindAsync(string number, CancellationToken cancellationToken)
    {
        // By position, in the order of Columns (the verification's read: on every public verification).
        return await session.QuerySingleByKeyAsync(FindSql, "Number", number, ReadRow, cancellationToken);
    }

    public async Task<IReadOnlyList<CertificateRow>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0)
        {
            return [];
        }

        // One parameter whatever the count, so the statement is the same prepared one every time on SQLite.
        var (filter, value) = session.InList("number", "Numbers", numbers);
        return await session.QueryByKeyAsync($"SELECT {Columns} FROM certificates WHERE {filter}", "Numbers", value, ReadRow, cancellationToken);
    }

    /// <summary>A row of <see cref="Columns"/>, by position.</summary>
    private static CertificateRow ReadRow(System.Data.Common.DbDataReader r) => new(TypeHandlers.ReadGuid(r, 0), r.GetString(1), r.GetString(2),
        r.GetString(3), r.GetString(4), TypeHandlers.ReadDate(r, 5), TypeHandlers.ReadDate(r, 6), CertificateStatusSql.Read(r.GetString(7)), r.GetInt32(8), TypeHandlers.ReadNullableString(r, 9));

    public async Task<IReadOnlyList<CertificateRow>> RegisterAsync(CertificateFilter filter, DateOnly today, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        var seeks = false;
        if (!string.IsNullOrEmpty(filter.Q))
        {
            // The start of any word of the holder's name: ranges on the word index (SearchWords).
            var (conditions, seek) = await SearchWords.Certificates.ConditionsAsync(session, filter.Q, "certificates.id", parameters, cancellationToken);
            where.AddRange(conditions);
            seeks = seek;
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

        if (filter.Status is not null)
        {
            where.Add(CertificateStatusSql.Is(filter.Status));
        }

        parameters.Add("Today", today);
        if (page.AfterId is { } after)
        {
            where.Add("(holder_key > @AfterKey OR (holder_key = @AfterKey AND id > @AfterId))");
            parameters.Add("AfterKey", page.AfterKey);
            parameters.Add("AfterId", after);
        }

        parameters.Add("Take", page.Limit + 1);
        var sql = $"SELECT {Columns} FROM certificates {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY {SearchWords.SortKey("holder_key", seeks)}, id LIMIT @Take";
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
            WHERE {CertificateStatusSql.Valid} AND valid_until <= @Until {keyset}
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
        public int Revision { get; set; }
        public string? SupersededBy { get; set; }

        public CertificateRow ToDto() => new(Id, Number, HolderName, SchemeCode, RegionCode, IssuedOn, ValidUntil, CertificateStatusSql.Read(Status), Revision, SupersededBy);
    }
}
