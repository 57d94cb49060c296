using System.Globalization;
using System.Text.Json.Nodes;
using Mediator;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetCredential;

/// <summary>
/// The certificate as an Open Badges 3.0 <c>OpenBadgeCredential</c>, secured as a JWT (<c>vc+jwt</c>) by a key of the
/// published set, its status in two W3C Bitstring Status Lists. A certificate issued before the lists existed gets its
/// place on the first request (hence a command).
/// </summary>
public sealed record GetCredential(string? Number, string BaseUrl) : ICommand<Result<string>>;

public sealed class GetCredentialHandler(CertificateLookup lookup, ICertificateRepository certificates, ICertificateSigner signer, ISchemeCatalog schemes,
    CertificationOptions options, TimeProvider clock) : ICommandHandler<GetCredential, Result<string>>
{
    public async ValueTask<Result<string>> Handle(GetCredential m, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(m.Number, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var certificate = found.Value;
        if (certificate.StatusList is null)
        {
            await certificates.DrawStatusListPlaceAsync(certificate, cancellationToken);
            if (await certificates.UpdateAsync(certificate, cancellationToken) is { IsFailure: true } notSaved)
            {
                return notSaved.Error!;
            }
        }

        return signer.SignJson(Credential(certificate, m.BaseUrl), "vc+jwt");
    }

    private JsonObject Credential(Certificate c, string baseUrl)
    {
        var scheme = schemes.Current(c.SchemeCode, clock.GetUtcNow())!.Scheme;
        var entry = c.StatusList!;
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"{baseUrl}/api/v1/certificates/{c.Number}/credential",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = baseUrl, ["type"] = new JsonArray("Profile"), ["name"] = options.IssuerName },
            ["validFrom"] = Instant(c.IssuedOn, TimeOnly.MinValue),
            ["validUntil"] = Instant(c.ValidUntil, TimeOnly.MaxValue),
            ["name"] = scheme.Name,
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityHash"] = c.HolderName,
                    ["identityType"] = "name",
                    ["hashed"] = false,
                }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = $"{baseUrl}/api/v1/schemes/{scheme.Code}",
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certification",
                    ["name"] = scheme.Name,
                    ["description"] = $"Sertifikat kompetensi {scheme.Name} ({scheme.Level}), nomor {c.Number}.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Dinyatakan kompeten (K) dalam uji kompetensi dan rapat pleno LSP." },
                },
            },
            ["credentialStatus"] = new JsonArray(StatusEntry(baseUrl, entry, StatusListEntry.Revocation), StatusEntry(baseUrl, entry, StatusListEntry.Suspension)),
        };
    }

    private static JsonObject StatusEntry(string baseUrl, StatusListEntry entry, string purpose)
    {
        var list = $"{baseUrl}/api/v1/status-lists/{purpose}/{entry.ListId}";
        return new JsonObject
        {
            ["id"] = $"{list}#{entry.Index}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = purpose,
            ["statusListIndex"] = entry.Index.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = list,
        };
    }

    /// <summary>A calendar date of the LSP as the instant it starts (or ends) there, in UTC.</summary>
    private string Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
