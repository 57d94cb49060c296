using System.IO.Compression;
using System.Text.Json.Nodes;
using Mediator;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetStatusList;

/// <summary>
/// A signed W3C <c>BitstringStatusListCredential</c>: bit <c>i</c> (the first bit is the most significant of the first
/// byte) is set when the certificate at index <c>i</c> is revoked or superseded (revocation) or suspended (suspension),
/// read from the certificates' status at this moment.
/// </summary>
public sealed record GetStatusList(string Purpose, int ListId, string BaseUrl) : IQuery<Result<string>>;

public sealed class GetStatusListHandler(ICertificateRepository certificates, ICertificateSigner signer, TimeProvider clock) : IQueryHandler<GetStatusList, Result<string>>
{
    public async ValueTask<Result<string>> Handle(GetStatusList query, CancellationToken cancellationToken)
    {
        if (!StatusListEntry.Purposes.Contains(query.Purpose) || !await certificates.StatusListExistsAsync(query.ListId, cancellationToken))
        {
            return Error.NotFound("status-list.not-found", "There is no status list with that purpose and id; purposes are revocation and suspension.");
        }

        var bits = new byte[StatusListEntry.Size / 8];
        foreach (var index in await certificates.StatusListBitsAsync(query.ListId, query.Purpose, cancellationToken))
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }

        var url = $"{query.BaseUrl}/api/v1/status-lists/{query.Purpose}/{query.ListId}";
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = query.BaseUrl,
            ["validFrom"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{url}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = query.Purpose,
                ["encodedList"] = "u" + System.Buffers.Text.Base64Url.EncodeToString(Gzip(bits)),
            },
        };
        return signer.SignJson(credential, "vc+jwt");
    }

    private static byte[] Gzip(byte[] bits)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bits);
        }

        return output.ToArray();
    }
}
