using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.UploadEvidenceFile;

/// <summary>
/// Attaches a scan to an evidence item of an editable portfolio: the body is streamed to the blob store (hashed and
/// counted on the way) after its first bytes proved its type; a refusal at any point leaves no blob and no row.
/// </summary>
public sealed record UploadEvidenceFile(Guid PortfolioId, Guid EvidenceId, string? Name, string? ContentType, long? ContentLength, Stream Body,
    ExpectedVersions? ExpectedVersion = null) : ICommand<Result<EvidenceFileDto>>
{
    public Result<(string Name, EvidenceFileType Type)> Parse()
    {
        var errors = new ErrorCollector();
        var name = errors.Take(Text.Required(Name, Portfolio.MaxFileNameLength, "file.name-invalid"), "name");
        if (name is not null && name.IndexOfAny(['/', '\\', '"', '\r', '\n']) >= 0)
        {
            errors.Add(Error.Validation("file.name-invalid", "A file name has no path separators, quotes or line breaks."), "name");
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        var type = EvidenceFileType.FromContentType(ContentType);
        return type.IsSuccess ? (name!, type.Value) : type.Error!;
    }
}

public sealed class UploadEvidenceFileHandler(PortfolioContext portfolios, IBlobStore blobs, IUnitOfWork unitOfWork, FileLimits limits, TimeProvider clock)
    : ICommandHandler<UploadEvidenceFile, Result<EvidenceFileDto>>
{
    public async ValueTask<Result<EvidenceFileDto>> Handle(UploadEvidenceFile m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var loaded = await portfolios.LoadAsync(m.PortfolioId, m.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var portfolio = loaded.Value.Portfolio;
        if (portfolio.CanAttachFile(m.EvidenceId, m.ContentLength ?? 0, limits) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var (name, type) = parsed.Value;
        try
        {
            var head = new byte[EvidenceFileType.SignatureLength];
            var read = await m.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (!type.Matches(head.AsSpan(0, read)))
            {
                return EvidenceFileType.Mismatch(type);
            }

            var id = Guid.CreateVersion7();
            var key = $"evidence/{portfolio.Id}/{id:N}";
            unitOfWork.AfterRollback(() => blobs.DeleteAsync(key, CancellationToken.None));
            if (await blobs.PutAsync(key, head.AsMemory(0, read), m.Body, limits.MaxFileBytes, cancellationToken) is not { } stored)
            {
                return portfolio.CanAttachFile(m.EvidenceId, limits.MaxFileBytes + 1, limits).Error!;
            }

            var attached = portfolio.AttachFile(new EvidenceFile(id, m.EvidenceId, name, type.Code, stored.Size, stored.Sha256, key, clock.GetUtcNow()), limits, clock);
            if (attached.IsFailure)
            {
                return attached.Error!;
            }

            var saved = await portfolios.SaveAsync(loaded.Value, cancellationToken);
            return saved.IsSuccess ? EvidenceFileDto.From(attached.Value) : saved.Error!;
        }
        catch (IOException)
        {
            // The client stopped sending (a cut connection, a body shorter than announced): nothing is kept.
            return Error.Validation("file.incomplete", "The upload ended before the whole file arrived; nothing was stored.");
        }
    }
}
