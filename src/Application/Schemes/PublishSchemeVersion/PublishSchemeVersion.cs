using Mediator;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Schemes.PublishSchemeVersion;

/// <summary>
/// Publishes a scheme version: a new scheme (<see cref="RouteCode"/> null: version 1) or the next version of
/// <see cref="RouteCode"/>. Checked against the registered rule types; effective from <c>effectiveFrom</c> or now.
/// </summary>
public sealed record PublishSchemeVersion(SchemeInput? Definition, string? RouteCode = null) : ICommand<Result<SchemeDto>>;

public sealed class PublishSchemeVersionHandler(SchemeParser parser, ISchemeVersionStore store, ChangeTracker tracker, TimeProvider clock)
    : ICommandHandler<PublishSchemeVersion, Result<SchemeDto>>
{
    public async ValueTask<Result<SchemeDto>> Handle(PublishSchemeVersion m, CancellationToken cancellationToken)
    {
        var input = m.Definition;
        if (m.RouteCode is not null && input is not null)
        {
            if (input.Code is not null && !string.Equals(input.Code, m.RouteCode, StringComparison.Ordinal))
            {
                return Error.Validation("scheme.code-mismatch", $"The body's code ({input.Code}) is not the scheme of the URL ({m.RouteCode}).", "code");
            }

            input = input with { Code = m.RouteCode };
        }

        var latest = input?.Code is { } code ? await store.LatestVersionAsync(code, cancellationToken) : 0;
        if (m.RouteCode is null && latest > 0)
        {
            return Error.Conflict("scheme.exists", $"Scheme {input!.Code} exists; publish a new version with POST /schemes/{input.Code}/versions.");
        }

        if (m.RouteCode is not null && latest == 0)
        {
            return SchemeCatalogExtensions.NotFound;
        }

        var now = clock.GetUtcNow();
        if (input?.EffectiveFrom is { } from && from < now)
        {
            return Error.Validation("scheme.effective-in-past", "effectiveFrom is in the past; a version takes effect now or later.", "effectiveFrom");
        }

        var parsed = parser.Parse(input, latest + 1, input?.EffectiveFrom ?? now);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        if (await PrefixRefusalAsync(parsed.Value, latest, cancellationToken) is { } refused)
        {
            return refused;
        }

        var entry = new SchemeVersionEntry(parsed.Value.Scheme, parsed.Value.Definition, now);
        var id = Guid.CreateVersion7();
        if (await store.AddAsync(id, entry, cancellationToken) is { IsFailure: true } notStored)
        {
            return notStored.Error!;
        }

        tracker.Note(new SchemeVersionPublished(id, entry.Scheme.Code, entry.Scheme.Version, entry.Scheme.EffectiveFrom, now));
        return SchemeDto.From(entry);
    }

    /// <summary>A scheme keeps its prefix in every version, and no two schemes share one (numbers and check digits depend on it).</summary>
    private async Task<Error?> PrefixRefusalAsync(ParsedScheme parsed, int latest, CancellationToken cancellationToken)
    {
        var scheme = parsed.Scheme;
        if (latest > 0)
        {
            var previous = await store.PrefixOfAsync(scheme.Code, cancellationToken);
            return previous == scheme.CertificatePrefix ? null
                : Error.Validation("scheme.prefix-changed", $"Scheme {scheme.Code} numbers its certificates {previous}; a version cannot change that.", "certificatePrefix");
        }

        return await store.PrefixTakenAsync(scheme.CertificatePrefix, scheme.Code, cancellationToken)
            ? Error.Conflict("scheme.prefix-taken", $"Another scheme numbers its certificates {scheme.CertificatePrefix}.")
            : null;
    }
}
