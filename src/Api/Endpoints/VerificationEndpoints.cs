using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Pages;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Certificates.GetCertificatePdf;
using Peksos.Clean.Application.Certificates.GetCertificateToken;
using Peksos.Clean.Application.Certificates.GetCredential;
using Peksos.Clean.Application.Certificates.GetStatusList;
using Peksos.Clean.Application.Certificates.GetVerificationPage;
using Peksos.Clean.Application.Certificates.VerifyCertificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Infrastructure.Security;
using QRCoder;

namespace Peksos.Clean.Api.Endpoints;

/// <summary>What strangers use to trust a certificate: the HTML page, its QR code, the published keys and bulk CSV verification.</summary>
public static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/verify/{number}", async (string number, string? t, ISender sender, HttpContext http, IConfiguration configuration, CancellationToken ct) =>
            {
                SecureHtml(http);
                var model = await sender.Send(new GetVerificationPage(number, t), ct);
                if (model.IsFailure)
                {
                    var (status, title, message) = model.Error!.Code switch
                    {
                        "certificate.number-invalid" => (400, "Nomor sertifikat tidak valid",
                            "Periksa kembali nomor yang diketik: digit pemeriksanya tidak cocok (contoh format PSG-2026-000042-NN)."),
                        _ => (404, "Sertifikat tidak ditemukan", "Tidak ada sertifikat dengan nomor ini. Dokumen yang menyebut nomor ini tidak dapat dipercaya."),
                    };
                    return Results.Content(VerificationPageRenderer.RenderMessage(title, message), "text/html; charset=utf-8", Encoding.UTF8, status);
                }

                var qr = model.Value.Token is { } token ? QrSvg(VerificationUrl(http, configuration, model.Value.Verification.Number, token)) : null;
                return Results.Content(VerificationPageRenderer.Render(model.Value, qr), "text/html; charset=utf-8", Encoding.UTF8);
            })
            .AllowAnonymous()
            .WithTags("Verification")
            .WithName("VerificationPage")
            .WithSummary("The public verification page (Indonesian, no JavaScript); with ?t= it also checks the QR code's signed token.")
            .Produces(200, contentType: "text/html")
            .Produces(400, contentType: "text/html")
            .Produces(404, contentType: "text/html");

        routes.MapGet("/api/v1/certificates/{number}/credential", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string number, ISender sender, HttpContext http,
                IConfiguration configuration, CancellationToken ct) =>
            {
                var jwt = await sender.Send(new GetCredential(number, PublicBaseUrl(http, configuration)), ct);
                return jwt.IsSuccess ? TypedResults.Content(jwt.Value, "application/vc+jwt") : ProblemResults.Problem(jwt.Error!);
            })
            .RequireAuthorization(Policies.AdminOrConsumer)
            .WithTags("Certificates")
            .WithName("GetCertificateCredential")
            .WithSummary("The certificate as an Open Badges 3.0 OpenBadgeCredential (vc+jwt, signed with a key of /.well-known/jwks.json) whose status is in two Bitstring Status Lists.");

        routes.MapGet("/api/v1/certificates/{number}/certificate.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string number, ISender sender,
                HttpContext http, IConfiguration configuration, CancellationToken ct) =>
            {
                var pdf = await sender.Send(new GetCertificatePdf(number, PublicBaseUrl(http, configuration)), ct);
                return pdf.IsSuccess ? TypedResults.File(pdf.Value, "application/pdf", $"sertifikat-{number}.pdf") : ProblemResults.Problem(pdf.Error!);
            })
            .RequireAuthorization(Policies.AdminOrConsumer)
            .WithTags("Certificates")
            .WithName("GetCertificatePdf")
            .WithSummary("The certificate as a signed A4 PDF in Indonesian (an embedded PDF signature by the LSP's certificate), with its QR code.");

        routes.MapGet("/api/v1/status-lists/{purpose}/{listId:int}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string purpose, int listId, ISender sender,
                HttpContext http, IConfiguration configuration, CancellationToken ct) =>
            {
                var jwt = await sender.Send(new GetStatusList(purpose, listId, PublicBaseUrl(http, configuration)), ct);
                if (jwt.IsFailure)
                {
                    return ProblemResults.Problem(jwt.Error!);
                }

                http.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.Content(jwt.Value, "application/vc+jwt");
            })
            .AllowAnonymous()
            .WithTags("Certificates")
            .WithName("GetStatusList")
            .WithSummary("A W3C BitstringStatusListCredential (vc+jwt): purpose revocation (revoked or superseded) or suspension; the bits are the certificates' status now.");

        routes.MapGet("/api/v1/certificates/{number}/qr.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string number, ISender sender, HttpContext http,
                IConfiguration configuration, CancellationToken ct) =>
            {
                var token = await sender.Send(new GetCertificateToken(number), ct);
                if (token.IsFailure)
                {
                    return ProblemResults.Problem(token.Error!);
                }

                if (token.Value is null)
                {
                    return ProblemResults.Problem(Error.Conflict("certificate.unsigned", "The certificate has no signed token."));
                }

                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
                var canonical = Domain.Certificates.CertificateNumber.Parse(number).Value.Value; // parsed already by the lookup
                return TypedResults.Content(QrSvg(VerificationUrl(http, configuration, canonical, token.Value)), "image/svg+xml", Encoding.UTF8);
            })
            .AllowAnonymous()
            .WithTags("Certificates")
            .WithName("GetCertificateQrCode")
            .Produces(200, contentType: "image/svg+xml")
            .WithSummary("The certificate's QR code (SVG), encoding {public base URL}/verify/{number}?t={signed token}.");

        routes.MapGet("/.well-known/jwks.json", (SigningKeyRing keys, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Ok(new JsonWebKeySet(keys.PublishedKeys.Select(k => new JsonWebKey("EC", "P-256", k.X, k.Y, k.Kid, "sig", "ES256")).ToList()));
            })
            .AllowAnonymous()
            .WithTags("Verification")
            .WithName("GetJwks")
            .WithSummary("The public keys (JWKS) that verify certificates' signedToken; retired keys stay published.");

        routes.MapPost("/api/v1/verify", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var numbers = await ReadNumbers(request, ct);
                if (numbers is null)
                {
                    return ProblemResults.Problem(Error.Validation("numbers.too-many", $"At most {VerifyCertificates.MaxNumbers} numbers per file.", "numbers"));
                }

                var results = await sender.Send(new VerifyCertificates(numbers), ct);
                return results.IsSuccess
                    ? TypedResults.Content(ToCsv(results.Value), "text/csv; charset=utf-8", Encoding.UTF8)
                    : ProblemResults.Problem(results.Error!);
            })
            .WithMetadata(new AcceptsMetadata(["text/csv"], typeof(string)))
            .AllowAnonymous()
            .WithTags("Verification")
            .WithName("VerifyCertificatesCsv")
            .WithSummary("Bulk verification for employers: upload text/csv with one certificate number per line (≤ 100), get CSV back.");

        return routes;
    }

    public sealed record JsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);

    public sealed record JsonWebKeySet(IReadOnlyList<JsonWebKey> Keys);

    private static void SecureHtml(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = VerificationPageRenderer.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.CacheControl = "no-store";
    }

    private static string VerificationUrl(HttpContext http, IConfiguration configuration, string number, string token) =>
        $"{PublicBaseUrl(http, configuration)}/verify/{Uri.EscapeDataString(number)}?t={Uri.EscapeDataString(token)}";

    /// <summary><c>Certificates:PublicBaseUrl</c> when configured (it should be, in production), else this request's origin.</summary>
    private static string PublicBaseUrl(HttpContext http, IConfiguration configuration) =>
        configuration["Certificates:PublicBaseUrl"]?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}";

    private static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }

    /// <summary>Up to 100 numbers, one per line (first column when separated by , or ;); a "number" header line is skipped. Null when more.</summary>
    private static async Task<List<string?>?> ReadNumbers(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var numbers = new List<string?>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var cell = line.Split(',', ';')[0].Trim().Trim('"');
            if (cell.Length == 0 || (numbers.Count == 0 && cell.Equals("number", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (numbers.Count == VerifyCertificates.MaxNumbers)
            {
                return null;
            }

            numbers.Add(cell.Length > 64 ? cell[..64] : cell);
        }

        return numbers;
    }

    private static string ToCsv(IReadOnlyList<BulkVerificationDto> results)
    {
        var csv = new StringBuilder("number,found,valid,status,holderName,schemeName,issuedOn,validUntil,issuer,error\r\n");
        foreach (var r in results)
        {
            csv.AppendJoin(',', new[]
            {
                r.Number, r.Found ? "true" : "false", r.Valid ? "true" : "false", r.Status, r.HolderName, r.SchemeName,
                r.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Issuer, r.Error,
            }.Select(Csv.Cell)).Append("\r\n");
        }

        return csv.ToString();
    }
}
