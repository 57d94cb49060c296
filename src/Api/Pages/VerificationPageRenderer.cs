using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Peksos.Clean.Application.Certificates.GetVerificationPage;

namespace Peksos.Clean.Api.Pages;

/// <summary>
/// The public verification page, server-rendered in Indonesian, readable on a phone, no JavaScript. Every value is
/// HTML-encoded; the only style is the inline sheet below, allowed by its hash in the Content-Security-Policy.
/// </summary>
public static class VerificationPageRenderer
{
    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23}
        main{max-width:34rem;margin:0 auto;padding:1rem}
        h1{font-size:1.15rem;margin:.5rem 0 1rem}
        .status{font-size:1.6rem;font-weight:800;text-align:center;padding:1.1rem .5rem;border-radius:.6rem;color:#fff;letter-spacing:.03em}
        .status small{display:block;font-size:.95rem;font-weight:600;letter-spacing:0;margin-top:.25rem}
        .active{background:#0f7b3f}.suspended{background:#b26a00}.revoked,.superseded{background:#b3261e}.expired{background:#5f6368}.unknown{background:#5f6368}
        dl{background:#fff;border-radius:.6rem;padding:.4rem 1rem 1rem;margin:1rem 0}
        dt{font-size:.85rem;font-weight:600;color:#555;margin-top:.7rem}dd{margin:.1rem 0 0;font-size:1.05rem;overflow-wrap:anywhere}
        .token{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:1rem 0;border-left:.4rem solid #5f6368}
        .token.ok{border-color:#0f7b3f}.token.bad{border-color:#b3261e}
        .qr{text-align:center}.qr img{width:12rem;height:12rem}
        footer{font-size:.8rem;color:#666;text-align:center;margin-top:1.5rem}
        """;

    /// <summary>The Content-Security-Policy for these pages: nothing but this stylesheet and inline images.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; img-src data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // Indonesian month names, spelt out so the page never depends on the host's culture data.
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Render(VerificationPageModel model, string? qrSvg)
    {
        var v = model.Verification;
        var (label, note) = v.Status switch
        {
            "active" => ("SAH — AKTIF", "Sertifikat ini sah dan berlaku."),
            "suspended" => ("DIBEKUKAN", "Sertifikat ini sedang dibekukan dan TIDAK berlaku."),
            "revoked" => ("DICABUT", "Sertifikat ini telah dicabut dan TIDAK berlaku."),
            "expired" => ("KEDALUWARSA", "Masa berlaku sertifikat ini telah habis."),
            "superseded" => ("DIGANTI", $"Sertifikat ini telah diperpanjang dengan sertifikat {v.SupersededBy} dan TIDAK berlaku lagi."),
            _ => ("TIDAK DIKETAHUI", "Status sertifikat tidak dikenal."),
        };

        var body = new StringBuilder();
        body.Append("<h1>Verifikasi Sertifikat Kompetensi Pekerja Sosial</h1>");
        if (model.TokenGiven && Refusal(model) is { } refusal)
        {
            // The headline follows the document presented: a forged or replaced document is never shown under a green banner.
            body.Append("<p class=\"status revoked\" data-status=\"").Append(Encode(v.Status)).Append("\" data-token=\"").Append(refusal.Token)
                .Append("\" role=\"status\">").Append(Encode(refusal.Label)).Append("<small>").Append(Encode(refusal.Note)).Append("</small></p>");
            body.Append("<p class=\"token bad\">").Append(Encode($"Status sertifikat dengan nomor ini di sistem: {label}.")).Append("</p>");
        }
        else
        {
            body.Append("<p class=\"status ").Append(Encode(v.Status)).Append("\" data-status=\"").Append(Encode(v.Status)).Append("\" role=\"status\">")
                .Append(Encode(label)).Append("<small>").Append(Encode(note)).Append("</small></p>");
        }

        body.Append("<dl>");
        Row(body, "Nomor sertifikat", v.Number);
        Row(body, "Nama pemegang", v.HolderName);
        Row(body, "Skema sertifikasi", v.SchemeName);
        Row(body, "Lembaga Sertifikasi Profesi", v.Issuer);
        Row(body, "Tanggal terbit", Date(v.IssuedOn));
        Row(body, "Berlaku sampai", Date(v.ValidUntil));
        body.Append("</dl>");

        if (model.TokenGiven && Refusal(model) is null)
        {
            var (css, text) = v.Valid
                ? ("ok", "Tanda tangan digital pada kode QR SAH dan cocok dengan data sertifikat.")
                : ("bad", "Kode QR asli dan cocok dengan data sertifikat, tetapi sertifikat ini TIDAK berlaku (lihat status di atas).");
            body.Append("<p class=\"token ").Append(css).Append("\" data-token=\"valid\">").Append(Encode(text)).Append("</p>");
        }

        if (qrSvg is not null)
        {
            body.Append("<p class=\"qr\"><img alt=\"Kode QR verifikasi sertifikat\" src=\"data:image/svg+xml;base64,")
                .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(qrSvg))).Append("\"></p>");
        }

        return Page($"Sertifikat {v.Number}", body.ToString());
    }

    /// <summary>Why the document presented is not the certificate's current, genuine one; null when it is.</summary>
    private static (string Token, string Label, string Note)? Refusal(VerificationPageModel model) => model switch
    {
        { SupersededByRevision: { } revision } => ("superseded", "DOKUMEN DIGANTI", string.Create(CultureInfo.InvariantCulture,
            $"Dokumen ini telah DIGANTI oleh revisi {revision} (terbit ulang) dan TIDAK berlaku. Mintalah dokumen terbaru.")),
        { TokenSignatureValid: true, TokenMatchesRecord: true } => null,
        { TokenSignatureValid: true } => ("invalid", "DOKUMEN TIDAK SAH", "Tanda tangan digital sah, tetapi TIDAK cocok dengan data sertifikat ini."),
        _ => ("invalid", "DOKUMEN TIDAK SAH", "Tanda tangan digital pada kode QR TIDAK SAH. Jangan percayai dokumen ini."),
    };

    public static string RenderMessage(string title, string message) =>
        Page(title, $"<h1>Verifikasi Sertifikat Kompetensi Pekerja Sosial</h1><p class=\"status unknown\" data-status=\"unknown\" role=\"status\">{Encode(title)}<small>{Encode(message)}</small></p>");

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{Encode(title)}</title>
        <style>{Css}</style>
        </head>
        <body>
        <main>
        {body}
        <footer>Halaman ini diterbitkan oleh sistem sertifikasi Peksos.Clean. Status ditampilkan sesuai data saat ini.</footer>
        </main>
        </body>
        </html>
        """;

    private static void Row(StringBuilder body, string term, string value) =>
        body.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");

    private static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
