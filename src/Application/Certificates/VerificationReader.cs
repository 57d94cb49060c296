using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates;

/// <summary>
/// The one verification path, for the JSON answers and the page alike: the typed number is checked, then one indexed
/// row is read (no aggregate, no history) and its status on today's date derived.
/// </summary>
public sealed class VerificationReader(ICertificateQueries queries, CertificationOptions options, ISchemeCatalog schemes, TimeProvider clock)
{
    public async Task<Result<CertificateRow>> FindAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        return await queries.FindAsync(parsed.Value.Value, cancellationToken) is { } row ? row : CertificateErrors.NotFound;
    }

    public async Task<Result<VerificationDto>> VerifyAsync(string? number, CancellationToken cancellationToken)
    {
        var row = await FindAsync(number, cancellationToken);
        return row.IsSuccess ? Verification(row.Value) : row.Error!;
    }

    /// <summary>Several numbers at once, one answer per number in order, with one read for all of them.</summary>
    public async Task<IReadOnlyList<Result<VerificationDto>>> VerifyManyAsync(IReadOnlyList<string?> numbers, CancellationToken cancellationToken)
    {
        var parsed = numbers.Select(CertificateNumber.Parse).ToList();
        var wanted = parsed.Where(p => p.IsSuccess).Select(p => p.Value.Value).ToHashSet(StringComparer.Ordinal);
        var found = (await queries.FindManyAsync(wanted, cancellationToken)).ToDictionary(r => r.Number, StringComparer.Ordinal);
        return parsed.Select(p => p.IsFailure ? Result<VerificationDto>.Failure(p.Error!)
            : found.TryGetValue(p.Value.Value, out var row) ? Verification(row) : Result<VerificationDto>.Failure(CertificateErrors.NotFound)).ToList();
    }

    public VerificationDto Verification(CertificateRow row)
    {
        var status = row.StatusOn(clock.Today());
        return new VerificationDto(row.Number, status.IsValid, status.Code, row.HolderName, schemes.NameOf(row.SchemeCode, clock.GetUtcNow()),
            row.IssuedOn, row.ValidUntil, options.IssuerName, row.Revision, row.SupersededBy);
    }
}
