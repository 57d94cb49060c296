using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.ListCertificates;

/// <summary>The public register: anyone may search certificates by holder name prefix, scheme, region and status.</summary>
public sealed record ListCertificates(string? Q, string? SchemeCode, string? RegionCode, string? Status, int? Limit, string? Cursor)
    : IQuery<Result<Page<RegisterEntryDto>>>
{
    public const int MaxQueryLength = 100;

    public Result<(CertificateFilter Filter, PageRequest Page)> Parse(ISchemeCatalog schemes)
    {
        var errors = new ErrorCollector();
        var page = errors.Take(PageRequest.Create(Limit, Cursor), string.Empty);
        if (SchemeCode is not null && schemes.Versions(SchemeCode).Count == 0)
        {
            errors.Add(Error.Validation("scheme.invalid", "Unknown scheme code."), "schemeCode");
        }

        if (RegionCode is not null)
        {
            errors.Take(Domain.Reference.RegionCode.Parse(RegionCode), "regionCode");
        }

        var status = Status is null ? null : errors.Take(CertificateStatus.FromCode(Status), "status");
        if (Q is { Length: > MaxQueryLength })
        {
            errors.Add(Error.Validation("q.invalid", $"q is at most {MaxQueryLength} characters."), "q");
        }

        return errors.HasErrors ? errors.ToError() : (new CertificateFilter(Q?.Trim(), SchemeCode, RegionCode, status), page!);
    }
}

public sealed class ListCertificatesHandler(ICertificateQueries queries, ISchemeCatalog schemes, TimeProvider clock) : IQueryHandler<ListCertificates, Result<Page<RegisterEntryDto>>>
{
    public async ValueTask<Result<Page<RegisterEntryDto>>> Handle(ListCertificates query, CancellationToken cancellationToken)
    {
        var parsed = query.Parse(schemes);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (filter, page) = parsed.Value;
        var today = clock.Today();
        var rows = await queries.RegisterAsync(filter, today, page, cancellationToken);
        var paged = page.ToPage(rows, r => (Certificate.RegisterKey(r.HolderName), r.Id));
        return new Page<RegisterEntryDto>(paged.Items.Select(r => RegisterEntryDto.From(r, today, schemes.NameOf(r.SchemeCode, clock.GetUtcNow()))).ToList(), paged.NextCursor);
    }
}
