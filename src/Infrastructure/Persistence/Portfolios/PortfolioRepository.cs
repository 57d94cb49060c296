using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Infrastructure.Persistence.Portfolios;

/// <summary>Portfolios with their evidence and essays; children are rewritten with the root in one transaction.</summary>
public sealed class PortfolioRepository(DbSession session, ChangeTracker tracker) : IPortfolioRepository
{
    public async Task<Portfolio?> GetAsync(PortfolioId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PortfolioRow>(session.Command(
            """
            SELECT id, candidate_id, scheme_code, specialisation, status, created_at, submitted_at, reviewed_at, return_reason, version, withdrawal_reason,
                purpose, renews, scheme_version
            FROM portfolios WHERE id = @Id
            """, new { Id = id.Value }, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var evidence = await connection.QueryAsync<EvidenceRow>(session.Command(
            """
            SELECT id, kind, title, description, document_date, pmks_category, helping_stages, client_type
            FROM portfolio_evidence WHERE portfolio_id = @Id ORDER BY position
            """, new { row.Id }, cancellationToken));
        var essays = await connection.QueryAsync<EssayRow>(session.Command(
            "SELECT code, text FROM portfolio_essays WHERE portfolio_id = @Id", new { row.Id }, cancellationToken));
        var files = await connection.QueryAsync<FileRow>(session.Command(
            "SELECT id, evidence_id, name, content_type, size, sha256, blob_key, uploaded_at FROM evidence_files WHERE portfolio_id = @Id ORDER BY position",
            new { row.Id }, cancellationToken));

        return Portfolio.Rehydrate(
            new PortfolioId(row.Id), new CandidateId(row.CandidateId), row.SchemeCode,
            row.Specialisation is null ? null : Stored.Value(PmksCategory.FromCode(row.Specialisation)),
            Stored.Value(PortfolioStatus.FromCode(row.Status)), row.CreatedAt, row.SubmittedAt, row.ReviewedAt, row.ReturnReason, row.Version,
            evidence.Select(e => new Evidence(
                e.Id, Stored.Value(EvidenceKind.FromCode(e.Kind)), e.Title, e.Description, e.DocumentDate,
                e.PmksCategory is null ? null : Stored.Value(PmksCategory.FromCode(e.PmksCategory)),
                e.HelpingStages.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Stored.Value(HelpingStage.FromCode(s))).ToList(),
                e.ClientType is null ? null : Stored.Value(ClientType.FromCode(e.ClientType)))),
            essays.Select(e => new Essay(Stored.Value(EssayCode.Parse(e.Code)), e.Text)),
            row.WithdrawalReason, Stored.Value(PortfolioPurpose.FromCode(row.Purpose)),
            row.Renews is null ? null : Stored.Value(Domain.Certificates.CertificateNumber.Parse(row.Renews)), row.SchemeVersion,
            files.Select(f => new EvidenceFile(f.Id, f.EvidenceId, f.Name, f.ContentType, f.Size, f.Sha256, f.BlobKey, f.UploadedAt)));
    }

    public async Task LockAsync(PortfolioId id, CancellationToken cancellationToken)
    {
        // SQLite's write transaction already excludes every other writer; PostgreSQL locks the row (docs/decisions.md, "Concurrency").
        if (session.Provider == DatabaseProvider.Postgres)
        {
            var connection = await session.ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(session.Command("SELECT 1 FROM portfolios WHERE id = @Id FOR UPDATE", new { Id = id.Value }, cancellationToken));
        }
    }

    public async Task<bool> HasOpenPortfolioAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM portfolios WHERE candidate_id = @CandidateId AND scheme_code = @SchemeCode AND status NOT IN ('closed', 'withdrawn')",
            new { CandidateId = candidateId.Value, SchemeCode = schemeCode }, cancellationToken)) > 0;
    }

    public async Task<Result> AddAsync(Portfolio portfolio, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO portfolios (id, candidate_id, scheme_code, specialisation, status, created_at, submitted_at, reviewed_at, return_reason, purpose, renews, scheme_version, version)
                VALUES (@Id, @CandidateId, @SchemeCode, @Specialisation, @Status, @CreatedAt, @SubmittedAt, @ReviewedAt, @ReturnReason, @Purpose, @Renews, @SchemeVersion, 1)
                """, Parameters(portfolio), cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return new OnePortfolioPerSchemeRule(true).Error;
        }

        await WriteChildrenAsync(connection, portfolio, cancellationToken);
        portfolio.ContentSaved();
        portfolio.SetVersion(1);
        tracker.Track(portfolio);
        return Result.Success();
    }

    public Task<Result> UpdateAsync(Portfolio portfolio, CancellationToken cancellationToken) =>
        VersionedUpdate.ApplyAsync(session, tracker, portfolio, "portfolio",
            """
            UPDATE portfolios SET status = @Status, submitted_at = @SubmittedAt, reviewed_at = @ReviewedAt, return_reason = @ReturnReason,
                specialisation = @Specialisation, withdrawal_reason = @WithdrawalReason, version = version + 1
            WHERE id = @Id AND version = @Version
            """, Parameters(portfolio),
            async connection =>
            {
                if (!portfolio.HasContentChanges)
                {
                    return;
                }

                await connection.ExecuteAsync(session.Command("DELETE FROM portfolio_evidence WHERE portfolio_id = @Id", new { Id = portfolio.Id.Value }, cancellationToken));
                await connection.ExecuteAsync(session.Command("DELETE FROM portfolio_essays WHERE portfolio_id = @Id", new { Id = portfolio.Id.Value }, cancellationToken));
                await connection.ExecuteAsync(session.Command("DELETE FROM evidence_files WHERE portfolio_id = @Id", new { Id = portfolio.Id.Value }, cancellationToken));
                await WriteChildrenAsync(connection, portfolio, cancellationToken);
                portfolio.ContentSaved();
            },
            cancellationToken);

    private static object Parameters(Portfolio p) => new
    {
        Id = p.Id.Value,
        CandidateId = p.CandidateId.Value,
        p.SchemeCode,
        Specialisation = p.Specialisation?.Code,
        Status = p.Status.Code,
        p.CreatedAt,
        p.SubmittedAt,
        p.ReviewedAt,
        p.ReturnReason,
        p.WithdrawalReason,
        Purpose = p.Purpose.Code,
        Renews = p.Renews?.Value,
        p.SchemeVersion,
        p.Version,
    };

    private async Task WriteChildrenAsync(DbConnection connection, Portfolio portfolio, CancellationToken cancellationToken)
    {
        if (portfolio.Evidence.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO portfolio_evidence (id, portfolio_id, position, kind, title, description, document_date, pmks_category, helping_stages, client_type)
                VALUES (@Id, @PortfolioId, @Position, @Kind, @Title, @Description, @DocumentDate, @PmksCategory, @HelpingStages, @ClientType)
                """,
                portfolio.Evidence.Select((e, i) => new
                {
                    e.Id,
                    PortfolioId = portfolio.Id.Value,
                    Position = i,
                    Kind = e.Kind.Code,
                    e.Title,
                    e.Description,
                    e.DocumentDate,
                    PmksCategory = e.PmksCategory?.Code,
                    HelpingStages = string.Join(',', e.HelpingStages.Select(s => s.Code)),
                    ClientType = e.ClientType?.Code,
                }).ToList(),
                cancellationToken));
        }

        if (portfolio.Essays.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO portfolio_essays (portfolio_id, code, text) VALUES (@PortfolioId, @Code, @Text)",
                portfolio.Essays.Select(e => new { PortfolioId = portfolio.Id.Value, Code = e.Code.Value, e.Text }).ToList(),
                cancellationToken));
        }

        if (portfolio.Files.Count > 0)
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO evidence_files (id, portfolio_id, evidence_id, position, name, content_type, size, sha256, blob_key, uploaded_at)
                VALUES (@Id, @PortfolioId, @EvidenceId, @Position, @Name, @ContentType, @Size, @Sha256, @BlobKey, @UploadedAt)
                """,
                portfolio.Files.Select((f, i) => new { f.Id, PortfolioId = portfolio.Id.Value, f.EvidenceId, Position = i, f.Name, f.ContentType, f.Size, f.Sha256, f.BlobKey, f.UploadedAt })
                    .ToList(),
                cancellationToken));
        }
    }

    private sealed class FileRow
    {
        public Guid Id { get; set; }
        public Guid EvidenceId { get; set; }
        public string Name { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Size { get; set; }
        public string Sha256 { get; set; } = "";
        public string BlobKey { get; set; } = "";
        public DateTimeOffset UploadedAt { get; set; }
    }

    private sealed class PortfolioRow
    {
        public Guid Id { get; set; }
        public Guid CandidateId { get; set; }
        public string SchemeCode { get; set; } = "";
        public string? Specialisation { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
        public DateTimeOffset? ReviewedAt { get; set; }
        public string? ReturnReason { get; set; }
        public string? WithdrawalReason { get; set; }
        public int Version { get; set; }
        public string Purpose { get; set; } = "initial";
        public string? Renews { get; set; }
        public int SchemeVersion { get; set; } = 1;
    }

    private sealed class EvidenceRow
    {
        public Guid Id { get; set; }
        public string Kind { get; set; } = "";
        public string Title { get; set; } = "";
        public string? Description { get; set; }
        public DateOnly? DocumentDate { get; set; }
        public string? PmksCategory { get; set; }
        public string HelpingStages { get; set; } = "";
        public string? ClientType { get; set; }
    }

    private sealed class EssayRow
    {
        public string Code { get; set; } = "";
        public string Text { get; set; } = "";
    }
}
