using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Infrastructure.Persistence.Certificates;

public sealed class CertificateRepository(DbSession session, ChangeTracker tracker) : ICertificateRepository
{
    /// <summary>
    /// The certificate and its history in one statement, so both come from one snapshot: one row per history entry (or
    /// a single row with no history columns when it has none), with optional extra columns and joins.
    /// </summary>
    internal static string SelectWithHistory(string extraColumns = "", string extraJoins = "") => $"""
        SELECT c.id, c.number, c.candidate_id, c.holder_name, c.scheme_code, c.exam_id, c.participant_id, c.issued_on, c.valid_until, c.status,
               c.signed_token, c.version, c.revision, c.supersedes, c.superseded_by, c.status_list_id, c.status_list_index, h.at AS history_at, h.action AS history_action, h.from_status AS history_from, h.to_status AS history_to,
               h.reason AS history_reason{extraColumns}
        FROM certificates c LEFT JOIN certificate_history h ON h.certificate_id = c.id{extraJoins}
        WHERE c.number = @Number
        ORDER BY h.position
        """;

    private static readonly string GetSql = SelectWithHistory();

    public async Task<Certificate?> GetAsync(CertificateNumber number, CancellationToken cancellationToken) =>
        Map(await session.QueryByKeyAsync(GetSql, "Number", number.Value, CertificateRow.Read, cancellationToken));

    /// <summary>The aggregate from the rows of <see cref="SelectWithHistory"/>; null when there are none.</summary>
    internal static Certificate? Map(IReadOnlyList<CertificateRow> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var history = rows.Where(h => h.HistoryAt is not null).Select(h => new CertificateStatusChange(h.HistoryAt!.Value, h.HistoryAction!,
            Stored.Value(CertificateStatus.FromCode(h.HistoryFrom)), Stored.Value(CertificateStatus.FromCode(h.HistoryTo)), h.HistoryReason!));
        return Certificate.Rehydrate(new CertificateId(row.Id), Stored.Value(CertificateNumber.Parse(row.Number)), new CandidateId(row.CandidateId), row.HolderName,
            row.SchemeCode, new ExamId(row.ExamId), row.ParticipantId, row.IssuedOn, row.ValidUntil, Stored.Value(CertificateStatus.FromCode(row.Status)), row.Version,
            history, row.SignedToken, row.Revision, Number(row.Supersedes), Number(row.SupersededBy),
            row.StatusListId is { } list && row.StatusListIndex is { } index ? new StatusListEntry(list, index) : null);
    }

    private static CertificateNumber? Number(string? stored) => stored is null ? null : Stored.Value(CertificateNumber.Parse(stored));

    public async Task<(int ListId, int Index)> DrawStatusListEntryAsync(CancellationToken cancellationToken)
    {
        // Lists are kept under 80 % full, so a random draw is free at the first or second try.
        var connection = await session.ConnectionAsync(cancellationToken);
        var list = await connection.ExecuteScalarAsync<int?>(session.Command("SELECT MAX(status_list_id) FROM certificates", null, cancellationToken)) ?? 1;
        var placed = await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM certificates WHERE status_list_id = @List", new { List = list }, cancellationToken));
        list += placed >= StatusListEntry.Size * 4 / 5 ? 1 : 0;
        while (true)
        {
            var index = System.Security.Cryptography.RandomNumberGenerator.GetInt32(StatusListEntry.Size);
            var taken = await connection.ExecuteScalarAsync<long>(session.Command(
                "SELECT COUNT(*) FROM certificates WHERE status_list_id = @List AND status_list_index = @Index", new { List = list, Index = index }, cancellationToken));
            if (taken == 0)
            {
                return (list, index);
            }
        }
    }

    public async Task<bool> StatusListExistsAsync(int listId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM certificates WHERE status_list_id = @List", new { List = listId }, cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<int>> StatusListBitsAsync(int listId, string purpose, CancellationToken cancellationToken)
    {
        var statuses = CertificateStatus.All.Where(s => s != CertificateStatus.Expired && Certificate.SetsBit(s, purpose)).Select(s => s.Code).ToList();
        var connection = await session.ConnectionAsync(cancellationToken);
        var (condition, value) = session.InList("status", "Statuses", statuses);
        return (await connection.QueryAsync<int>(session.Command(
            $"SELECT status_list_index FROM certificates WHERE status_list_id = @List AND {condition}", new { List = listId, Statuses = value }, cancellationToken))).ToList();
    }

    public Task<RenewedCertificate?> RenewableAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken) =>
        TermAsync("candidate_id = @CandidateId AND scheme_code = @SchemeCode AND status = 'active' ORDER BY valid_until DESC LIMIT 1",
            new { CandidateId = candidateId.Value, SchemeCode = schemeCode }, cancellationToken);

    public Task<RenewedCertificate?> RenewedAsync(CertificateNumber number, CancellationToken cancellationToken) =>
        TermAsync("number = @Number", new { Number = number.Value }, cancellationToken);

    private async Task<RenewedCertificate?> TermAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Number, DateOnly IssuedOn, DateOnly ValidUntil, string Status)>(session.Command(
            $"SELECT number, issued_on, valid_until, status FROM certificates WHERE {where}", parameters, cancellationToken));
        return row.Number is null ? null
            : new RenewedCertificate(Stored.Value(CertificateNumber.Parse(row.Number)), row.IssuedOn, row.ValidUntil, CertificateStatusSql.Read(row.Status));
    }

    public async Task<(IReadOnlyList<string> Valid, IReadOnlyList<string> Held)> SchemeHoldingsAsync(CandidateId candidateId, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string SchemeCode, long Valid)>(session.Command(
            $"SELECT scheme_code, CASE WHEN {CertificateStatusSql.Valid} THEN 1 ELSE 0 END FROM certificates WHERE candidate_id = @CandidateId AND {CertificateStatusSql.Held}",
            new { CandidateId = candidateId.Value, Today = today }, cancellationToken))).ToList();
        return (rows.Where(r => r.Valid == 1).Select(r => r.SchemeCode).Distinct().ToList(), rows.Select(r => r.SchemeCode).Distinct().ToList());
    }

    public async Task<bool> HoldsCertificateAsync(CandidateId candidateId, string schemeCode, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            $"""
            SELECT COUNT(*) FROM certificates
            WHERE candidate_id = @CandidateId AND scheme_code = @SchemeCode AND {CertificateStatusSql.Held}
            """, new { CandidateId = candidateId.Value, SchemeCode = schemeCode, Today = today }, cancellationToken)) > 0;
    }

    public async Task<int> NextSerialAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        // One statement that both engines run atomically inside the transaction: the row lock (PostgreSQL) or the
        // write lock (SQLite) serialises concurrent issuers, and a rollback takes the allocation back.
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(session.Command(
            """
            INSERT INTO certificate_serials (prefix, year, last_serial) VALUES (@Prefix, @Year, 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last_serial = certificate_serials.last_serial + 1
            RETURNING last_serial
            """, new { Prefix = prefix, Year = year }, cancellationToken));
    }

    public async Task<Result> AddAsync(Certificate certificate, string regionCode, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO certificates (id, number, prefix, year, serial, candidate_id, holder_name, holder_key, scheme_code, region_code, exam_id, participant_id,
                issued_on, valid_until, status, signed_token, supersedes, status_list_id, status_list_index, version)
            VALUES (@Id, @Number, @Prefix, @Year, @Serial, @CandidateId, @HolderName, @HolderKey, @SchemeCode, @RegionCode, @ExamId, @ParticipantId,
                @IssuedOn, @ValidUntil, @Status, @SignedToken, @Supersedes, @StatusListId, @StatusListIndex, 1)
            """,
            new
            {
                Id = certificate.Id.Value,
                Number = certificate.Number.Value,
                certificate.Number.Prefix,
                certificate.Number.Year,
                certificate.Number.Serial,
                CandidateId = certificate.CandidateId.Value,
                certificate.HolderName,
                HolderKey = Certificate.RegisterKey(certificate.HolderName),
                certificate.SchemeCode,
                RegionCode = regionCode,
                ExamId = certificate.ExamId.Value,
                certificate.ParticipantId,
                certificate.IssuedOn,
                certificate.ValidUntil,
                Status = certificate.Status.Code,
                certificate.SignedToken,
                Supersedes = certificate.Supersedes?.Value,
                StatusListId = certificate.StatusList?.ListId,
                StatusListIndex = certificate.StatusList?.Index,
            }, cancellationToken));
        await WriteHistoryAsync(connection, certificate, cancellationToken);
        await SearchWords.Certificates.WriteAsync(session, certificate.Id.Value, certificate.HolderName, replace: false, cancellationToken);
        certificate.SetVersion(1);
        tracker.Track(certificate);
        return Result.Success();
    }

    public Task<Result> UpdateAsync(Certificate certificate, CancellationToken cancellationToken) =>
        VersionedUpdate.ApplyAsync(session, tracker, certificate, "certificate",
            """
            UPDATE certificates SET status = @Status, holder_name = @HolderName, holder_key = @HolderKey, revision = @Revision, signed_token = @SignedToken,
                superseded_by = @SupersededBy, status_list_id = @StatusListId, status_list_index = @StatusListIndex, version = version + 1
            WHERE id = @Id AND version = @Version
            """,
            new
            {
                Id = certificate.Id.Value,
                Status = certificate.Status.Code,
                certificate.HolderName,
                HolderKey = Certificate.RegisterKey(certificate.HolderName),
                certificate.Revision,
                certificate.SignedToken,
                SupersededBy = certificate.SupersededBy?.Value,
                StatusListId = certificate.StatusList?.ListId,
                StatusListIndex = certificate.StatusList?.Index,
                certificate.Version,
            },
            async connection =>
            {
                await WriteHistoryAsync(connection, certificate, cancellationToken);
                if (certificate.HasReissue)
                {
                    await SearchWords.Certificates.WriteAsync(session, certificate.Id.Value, certificate.HolderName, replace: true, cancellationToken);
                    certificate.ReissueSaved();
                }
            },
            cancellationToken);

    private async Task WriteHistoryAsync(DbConnection connection, Certificate certificate, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO certificate_history (certificate_id, position, at, action, from_status, to_status, reason)
            VALUES (@CertificateId, @Position, @At, @Action, @FromStatus, @ToStatus, @Reason)
            ON CONFLICT (certificate_id, position) DO NOTHING
            """,
            certificate.History.Select((h, i) => new
            {
                CertificateId = certificate.Id.Value,
                Position = i,
                h.At,
                h.Action,
                FromStatus = h.From.Code,
                ToStatus = h.To.Code,
                h.Reason,
            }).ToList(),
            cancellationToken));

    internal sealed class CertificateRow
    {
        public Guid Id { get; set; }
        public string Number { get; set; } = "";
        public Guid CandidateId { get; set; }
        public string HolderName { get; set; } = "";
        public string SchemeCode { get; set; } = "";
        public Guid ExamId { get; set; }
        public Guid ParticipantId { get; set; }
        public DateOnly IssuedOn { get; set; }
        public DateOnly ValidUntil { get; set; }
        public string Status { get; set; } = "";
        public string? SignedToken { get; set; }
        public int Version { get; set; }
        public int Revision { get; set; }
        public string? Supersedes { get; set; }
        public string? SupersededBy { get; set; }
        public int? StatusListId { get; set; }
        public int? StatusListIndex { get; set; }
        public DateTimeOffset? HistoryAt { get; set; }
        public string? HistoryAction { get; set; }
        public string? HistoryFrom { get; set; }
        public string? HistoryTo { get; set; }
        public string? HistoryReason { get; set; }

        /// <summary>Only in the certificate-with-holder read (<see cref="CertificateQueries.FindWithHolderAsync"/>).</summary>
        public string? NikLast4 { get; set; }

        /// <summary>A row of <see cref="SelectWithHistory"/>, by column position (the statement's order; a 23rd column is the extra one).</summary>
        public static CertificateRow Read(DbDataReader r) => new()
        {
            Id = TypeHandlers.ReadGuid(r, 0),
            Number = r.GetString(1),
            CandidateId = TypeHandlers.ReadGuid(r, 2),
            HolderName = r.GetString(3),
            SchemeCode = r.GetString(4),
            ExamId = TypeHandlers.ReadGuid(r, 5),
            ParticipantId = TypeHandlers.ReadGuid(r, 6),
            IssuedOn = TypeHandlers.ReadDate(r, 7),
            ValidUntil = TypeHandlers.ReadDate(r, 8),
            Status = r.GetString(9),
            SignedToken = TypeHandlers.ReadNullableString(r, 10),
            Version = r.GetInt32(11),
            Revision = r.GetInt32(12),
            Supersedes = TypeHandlers.ReadNullableString(r, 13),
            SupersededBy = TypeHandlers.ReadNullableString(r, 14),
            StatusListId = r.IsDBNull(15) ? null : r.GetInt32(15),
            StatusListIndex = r.IsDBNull(16) ? null : r.GetInt32(16),
            HistoryAt = TypeHandlers.ReadNullableTimestamp(r, 17),
            HistoryAction = TypeHandlers.ReadNullableString(r, 18),
            HistoryFrom = TypeHandlers.ReadNullableString(r, 19),
            HistoryTo = TypeHandlers.ReadNullableString(r, 20),
            HistoryReason = TypeHandlers.ReadNullableString(r, 21),
            NikLast4 = r.FieldCount > 22 ? TypeHandlers.ReadNullableString(r, 22) : null,
        };
    }
}
