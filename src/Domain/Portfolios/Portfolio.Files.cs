using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>A scan attached to an evidence item (PDF, JPEG or PNG), kept in the blob store under <see cref="BlobKey"/>.</summary>
public sealed record EvidenceFile(Guid Id, Guid EvidenceId, string Name, string ContentType, long Size, string Sha256, string BlobKey, DateTimeOffset UploadedAt);

/// <summary>How large one file and all of a portfolio's files may be (domain §14: 10 MiB and 100 MiB by default).</summary>
public sealed record FileLimits(long MaxFileBytes = 10 * 1024 * 1024, long MaxPortfolioBytes = 100 * 1024 * 1024);

/// <summary>Evidence files change only while the portfolio is editable, within its limits.</summary>
public sealed partial class Portfolio
{
    public const int MaxFileNameLength = 200;

    private readonly List<EvidenceFile> _files = [];
    private readonly List<EvidenceFile> _discarded = [];

    public IReadOnlyList<EvidenceFile> Files => _files;

    /// <summary>Files removed since the portfolio was loaded, whose blobs go once the change commits.</summary>
    public IReadOnlyList<EvidenceFile> DiscardedFiles => _discarded;

    public long FilesSize => _files.Sum(f => f.Size);

    public IEnumerable<EvidenceFile> FilesOf(Guid evidenceId) => _files.Where(f => f.EvidenceId == evidenceId);

    /// <summary>Whether a file of <paramref name="size"/> bytes may be attached to the evidence item: checked before its bytes are stored, and again after.</summary>
    public Result CanAttachFile(Guid evidenceId, long size, FileLimits limits)
    {
        Guard.Against.Null(limits);
        if (Check(new PortfolioMustBeEditableRule(Status)) is { IsFailure: true } locked)
        {
            return locked;
        }

        if (_evidence.All(e => e.Id != evidenceId))
        {
            return EvidenceNotFound;
        }

        if (size > limits.MaxFileBytes)
        {
            return Error.TooLarge("file.too-large", $"A file is at most {limits.MaxFileBytes:N0} bytes.");
        }

        return FilesSize + size > limits.MaxPortfolioBytes
            ? Error.Rule("portfolio.files-quota-exceeded", $"A portfolio's files are at most {limits.MaxPortfolioBytes:N0} bytes together; {FilesSize:N0} are used.")
            : Result.Success();
    }

    public Result<EvidenceFile> AttachFile(EvidenceFile file, FileLimits limits, TimeProvider clock)
    {
        Guard.Against.Null(file);
        if (CanAttachFile(file.EvidenceId, file.Size, limits) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        _files.Add(file);
        HasContentChanges = true;
        Raise(new EvidenceFileAttached(Id, file.EvidenceId, file.Id, file.ContentType, file.Size, file.Sha256, clock.GetUtcNow()));
        return file;
    }

    public Result RemoveFile(Guid evidenceId, Guid fileId, TimeProvider clock)
    {
        if (Check(new PortfolioMustBeEditableRule(Status)) is { IsFailure: true } locked)
        {
            return locked;
        }

        if (_files.FirstOrDefault(f => f.Id == fileId && f.EvidenceId == evidenceId) is not { } file)
        {
            return FileNotFound;
        }

        Discard([file]);
        Raise(new EvidenceFileRemoved(Id, evidenceId, fileId, clock.GetUtcNow()));
        return Result.Success();
    }

    public static Error EvidenceNotFound => Error.NotFound("evidence.not-found", "This portfolio has no evidence with that id.");

    public static Error FileNotFound => Error.NotFound("file.not-found", "This evidence item has no file with that id.");

    private void Discard(IEnumerable<EvidenceFile> files)
    {
        foreach (var file in files.ToList())
        {
            _files.Remove(file);
            _discarded.Add(file);
            HasContentChanges = true;
        }
    }
}

public sealed record EvidenceFileAttached(PortfolioId PortfolioId, Guid EvidenceId, Guid FileId, string ContentType, long Size, string Sha256, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EvidenceFileRemoved(PortfolioId PortfolioId, Guid EvidenceId, Guid FileId, DateTimeOffset OccurredAt) : IDomainEvent;
