using System.Globalization;
using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.ListExpiringCertificates;

/// <summary>Certificates valid today that expire within <c>withinDays</c> (default 90), soonest first.</summary>
public sealed record ListExpiringCertificates(int? WithinDays, int? Limit, string? Cursor) : IQuery<Result<Page<RegisterEntryDto>>>
{
    public const int DefaultWithinDays = 90;
    public const int MaxWithinDays = 3_660;

    public Result<(int WithinDays, PageRequest Page)> Parse()
    {
        var errors = new ErrorCollector();
        var page = errors.Take(PageRequest.Create(Limit, Cursor), string.Empty);
        if (WithinDays is < 1 or > MaxWithinDays)
        {
            errors.Add(Error.Validation("within-days.invalid", $"withinDays is 1–{MaxWithinDays}."), "withinDays");
        }

        return errors.HasErrors ? errors.ToError() : (WithinDays ?? DefaultWithinDays, page!);
    }
}

public sealed class ListExpiringCertificatesHandler(ICertificateQueries queries, Schemes.ISchemeCatalog schemes, TimeProvider clock) : IQueryHandler<ListExpiringCertificates, Result<Page<RegisterEntryDto>>>
{
    public async ValueTask<Result<Page<RegisterEntryDto>>> Handle(ListExpiringCertificates query, CancellationToken cancellationToken)
    {
        var parsed = query.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (withinDays, page) = parsed.Value;
        var today = clock.Today();
        var rows = await queries.ExpiringAsync(today, today.AddDays(withinDays), page, cancellationToken);
        var paged = page.ToPage(rows, r => (r.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Id));
        return new Page<RegisterEntryDto>(paged.Items.Select(r => RegisterEntryDto.From(r, today, Schemes.SchemeCatalogExtensions.NameOf(schemes, r.SchemeCode, clock.GetUtcNow()))).ToList(), paged.NextCursor);
    }
}
