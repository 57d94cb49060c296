using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

public static class CertificateErrors
{
    public static readonly Error NotFound = Error.NotFound("certificate.not-found", "There is no certificate with that number.");
}

/// <summary>Loads a certificate by a typed number: a mistyped number fails its check digits before any lookup.</summary>
public sealed class CertificateLookup(ICertificateRepository certificates, ICertificateQueries queries, ICandidateQueries candidates, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public async Task<Result<Certificate>> FindAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        return await certificates.GetAsync(parsed.Value, cancellationToken) is { } certificate ? certificate : CertificateErrors.NotFound;
    }

    /// <summary>The certificate as admins and consumers see it, by a typed number (the read path: one statement).</summary>
    public async Task<Result<CertificateDto>> ViewAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        return await queries.FindWithHolderAsync(parsed.Value, cancellationToken) is { } found
            ? View(found.Certificate, found.HolderNikLastFour)
            : CertificateErrors.NotFound;
    }

    /// <summary>The certificate as admins and consumers see it, after a change to it.</summary>
    public async Task<CertificateDto> ViewAsync(Certificate certificate, CancellationToken cancellationToken) =>
        View(certificate, await candidates.NikLastFourAsync(certificate.CandidateId.Value, cancellationToken));

    private CertificateDto View(Certificate certificate, string? nikLastFour) =>
        CertificateDto.From(certificate, Nik.MaskedFrom(nikLastFour), Today, certificate.SignedToken);
}

public sealed record GetCertificate(string Number) : IQuery<Result<CertificateDto>>;

public sealed class GetCertificateHandler(CertificateLookup lookup) : IQueryHandler<GetCertificate, Result<CertificateDto>>
{
    public async ValueTask<Result<CertificateDto>> Handle(GetCertificate query, CancellationToken cancellationToken) =>
        await lookup.ViewAsync(query.Number, cancellationToken);
}

/// <summary>Suspend (reversible), reinstate, or revoke (final) a certificate, with a reason.</summary>
public sealed record ChangeCertificateStatus(string Number, string Action, string? Reason, int? ExpectedVersion = null) : ICommand<Result<CertificateDto>>
{
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Revoke = "revoke";
}

public sealed class ChangeCertificateStatusHandler(CertificateLookup lookup, ICertificateRepository certificates, TimeProvider clock)
    : ICommandHandler<ChangeCertificateStatus, Result<CertificateDto>>
{
    public async ValueTask<Result<CertificateDto>> Handle(ChangeCertificateStatus command, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(command.Number, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var certificate = found.Value;
        if (Versioning.Check(command.ExpectedVersion, certificate) is { IsFailure: true } stale)
        {
            return stale.Error!;
        }

        var changed = command.Action switch
        {
            ChangeCertificateStatus.Suspend => certificate.Suspend(command.Reason, clock),
            ChangeCertificateStatus.Reinstate => certificate.Reinstate(command.Reason, clock),
            ChangeCertificateStatus.Revoke => certificate.Revoke(command.Reason, clock),
            _ => throw new ArgumentException($"Unknown action {command.Action}.", nameof(command)),
        };
        if (changed.IsFailure)
        {
            return changed.Error!;
        }

        var saved = await certificates.UpdateAsync(certificate, cancellationToken);
        return saved.IsSuccess ? await lookup.ViewAsync(certificate, cancellationToken) : saved.Error!;
    }
}

public sealed record VerifyCertificate(string Number) : IQuery<Result<VerificationDto>>;

public sealed class VerifyCertificateHandler(VerificationReader reader) : IQueryHandler<VerifyCertificate, Result<VerificationDto>>
{
    public async ValueTask<Result<VerificationDto>> Handle(VerifyCertificate query, CancellationToken cancellationToken) =>
        await reader.VerifyAsync(query.Number, cancellationToken);
}

/// <summary>
/// The verification read path (the hottest route): the typed number is checked, then one indexed row is read — no
/// aggregate, no history.
/// </summary>
public sealed class VerificationReader(ICertificateQueries queries, CertificationOptions options, TimeProvider clock)
{
    public async Task<Result<VerificationDto>> VerifyAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var row = await queries.FindAsync(parsed.Value.Value, cancellationToken);
        if (row is null)
        {
            return CertificateErrors.NotFound;
        }

        var today = clock.Today();
        var status = ListCertificatesHandler.DerivedStatus(row.Status, row.ValidUntil, today);
        return new VerificationDto(row.Number, status == CertificateStatus.Active.Code, status, row.HolderName, SchemeCatalog.Find(row.SchemeCode).Value.Name,
            row.IssuedOn, row.ValidUntil, options.IssuerName);
    }
}

public static class Verification
{
    public static VerificationDto Of(Certificate c, DateOnly today, CertificationOptions options) => new(
        c.Number.Value, c.IsValidOn(today), c.StatusOn(today).Code, c.HolderName, SchemeCatalog.Find(c.SchemeCode).Value.Name, c.IssuedOn, c.ValidUntil, options.IssuerName);
}

/// <summary>Verifies up to 100 numbers at once; one result per number, in the order given.</summary>
public sealed record VerifyCertificates(IReadOnlyList<string?>? Numbers) : IQuery<Result<IReadOnlyList<BulkVerificationDto>>>
{
    public const int MaxNumbers = 100;
}

public sealed class VerifyCertificatesValidator : IValidator<VerifyCertificates>
{
    public IReadOnlyList<Error> Validate(VerifyCertificates m) => m.Numbers switch
    {
        null or { Count: 0 } => [Error.Validation("numbers.required", "Send at least one certificate number.", "numbers")],
        { Count: > VerifyCertificates.MaxNumbers } => [Error.Validation("numbers.too-many", $"At most {VerifyCertificates.MaxNumbers} numbers per request.", "numbers")],
        _ => [],
    };
}

public sealed class VerifyCertificatesHandler(VerificationReader reader)
    : IQueryHandler<VerifyCertificates, Result<IReadOnlyList<BulkVerificationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<BulkVerificationDto>>> Handle(VerifyCertificates query, CancellationToken cancellationToken)
    {
        var results = new List<BulkVerificationDto>(query.Numbers!.Count);
        foreach (var number in query.Numbers)
        {
            var found = await reader.VerifyAsync(number, cancellationToken);
            if (found.IsFailure)
            {
                results.Add(new BulkVerificationDto(number ?? string.Empty, false, false, null, null, null, null, null, null, found.Error!.Code));
                continue;
            }

            var v = found.Value;
            results.Add(new BulkVerificationDto(v.Number, true, v.Valid, v.Status, v.HolderName, v.SchemeName, v.IssuedOn, v.ValidUntil, v.Issuer, null));
        }

        return results;
    }
}

/// <summary>The public register: anyone may search certificates by holder name prefix, scheme, region and status.</summary>
public sealed record ListCertificates(string? Q, string? SchemeCode, string? RegionCode, string? Status, int? Limit, string? Cursor)
    : IQuery<Result<Page<RegisterEntryDto>>>;

public sealed class ListCertificatesValidator : IValidator<ListCertificates>
{
    public IReadOnlyList<Error> Validate(ListCertificates m)
    {
        var errors = new ErrorCollector();
        errors.Take(PageRequest.Create(m.Limit, m.Cursor), string.Empty);
        if (m.SchemeCode is not null && SchemeCatalog.Find(m.SchemeCode).IsFailure)
        {
            errors.Add(Error.Validation("scheme.invalid", "Unknown scheme code."), "schemeCode");
        }

        if (m.RegionCode is not null)
        {
            errors.Take(RegionCode.Parse(m.RegionCode), "regionCode");
        }

        if (m.Status is not null)
        {
            errors.Take(CertificateStatus.FromCode(m.Status), "status");
        }

        if (m.Q is { Length: > 100 })
        {
            errors.Add(Error.Validation("q.invalid", "q is at most 100 characters."), "q");
        }

        return errors.Errors;
    }
}

public sealed class ListCertificatesHandler(ICertificateQueries queries, TimeProvider clock) : IQueryHandler<ListCertificates, Result<Page<RegisterEntryDto>>>
{
    public async ValueTask<Result<Page<RegisterEntryDto>>> Handle(ListCertificates query, CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(query.Limit, query.Cursor).Value;
        var today = clock.Today();
        var rows = await queries.RegisterAsync(new CertificateFilter(query.Q?.Trim(), query.SchemeCode, query.RegionCode, query.Status), today, page, cancellationToken);
        var paged = page.ToPage(rows, r => (Certificate.RegisterKey(r.HolderName), r.Id));
        return new Page<RegisterEntryDto>(paged.Items.Select(r => Entry(r, today)).ToList(), paged.NextCursor);
    }

    public static RegisterEntryDto Entry(CertificateRow r, DateOnly today) => new(
        r.Number, r.HolderName, SchemeCatalog.Find(r.SchemeCode).Value.Name, Regions.FindProvince(r.RegionCode[..2])?.Name ?? r.RegionCode[..2],
        r.IssuedOn, r.ValidUntil, DerivedStatus(r.Status, r.ValidUntil, today));

    public static string DerivedStatus(string stored, DateOnly validUntil, DateOnly today) =>
        stored == CertificateStatus.Revoked.Code ? stored : today > validUntil ? CertificateStatus.Expired.Code : stored;
}

/// <summary>Certificates valid today that expire within <c>withinDays</c> (default 90), soonest first.</summary>
public sealed record ListExpiringCertificates(int? WithinDays, int? Limit, string? Cursor) : IQuery<Result<Page<RegisterEntryDto>>>;

public sealed class ListExpiringCertificatesValidator : IValidator<ListExpiringCertificates>
{
    public IReadOnlyList<Error> Validate(ListExpiringCertificates m)
    {
        var errors = new ErrorCollector();
        errors.Take(PageRequest.Create(m.Limit, m.Cursor), string.Empty);
        if (m.WithinDays is < 1 or > 3_660)
        {
            errors.Add(Error.Validation("within-days.invalid", "withinDays is 1–3660."), "withinDays");
        }

        return errors.Errors;
    }
}

public sealed class ListExpiringCertificatesHandler(ICertificateQueries queries, TimeProvider clock) : IQueryHandler<ListExpiringCertificates, Result<Page<RegisterEntryDto>>>
{
    public async ValueTask<Result<Page<RegisterEntryDto>>> Handle(ListExpiringCertificates query, CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(query.Limit, query.Cursor).Value;
        var today = clock.Today();
        var rows = await queries.ExpiringAsync(today, today.AddDays(query.WithinDays ?? 90), page, cancellationToken);
        var paged = page.ToPage(rows, r => (r.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Id));
        return new Page<RegisterEntryDto>(paged.Items.Select(r => ListCertificatesHandler.Entry(r, today)).ToList(), paged.NextCursor);
    }
}
