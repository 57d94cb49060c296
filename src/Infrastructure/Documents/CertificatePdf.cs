using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using Peksos.Clean.Application.Certificates;
using QRCoder;

namespace Peksos.Clean.Infrastructure.Documents;

/// <summary>
/// The printable certificate: one A4 page in Indonesian with the holder, number, scheme, dates, decree, issuer and the
/// QR code, signed with an embedded PDF signature (CMS, SHA-256) by the LSP's certificate, drawn with PDFsharp.
/// </summary>
public sealed class CertificatePdf : ICertificateDocument
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private readonly X509Certificate2 _signingCertificate;

    static CertificatePdf()
    {
        // The fonts shipped with PDFsharp: the host needs no system fonts (the aspnet image has none).
        GlobalFontSettings.FontResolver ??= new ShippedFonts();
    }

    public CertificatePdf(X509Certificate2 signingCertificate) => _signingCertificate = signingCertificate;

    /// <summary>The signer's name as PDF readers show it.</summary>
    public string SignerName => _signingCertificate.GetNameInfo(X509NameType.SimpleName, false);

    public async Task<byte[]> RenderAsync(CertificateDocumentModel model, CancellationToken cancellationToken)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Sertifikat Kompetensi {model.Number}";
        document.Info.Author = model.Issuer;
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var g = XGraphics.FromPdfPage(page))
        {
            Draw(g, page, model);
        }

        DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(_signingCertificate, PdfMessageDigestType.SHA256), new DigitalSignatureOptions
        {
            Reason = $"Sertifikat kompetensi {model.Number} diterbitkan oleh {model.Issuer}",
            Location = "Indonesia",
            ContactInfo = model.Issuer,
            AppName = "Peksos.Clean",
            Rectangle = new XRect(XUnit.FromMillimeter(120).Point, XUnit.FromMillimeter(250).Point, XUnit.FromMillimeter(70).Point, XUnit.FromMillimeter(20).Point),
        });
        using var output = new MemoryStream();
        await document.SaveAsync(output);
        return output.ToArray();
    }

    private static void Draw(XGraphics g, PdfPage page, CertificateDocumentModel m)
    {
        var width = page.Width.Point;
        var title = new XFont(ShippedFonts.Family, 24, XFontStyleEx.Bold);
        var large = new XFont(ShippedFonts.Family, 20, XFontStyleEx.Bold);
        var body = new XFont(ShippedFonts.Family, 12, XFontStyleEx.Regular);
        var small = new XFont(ShippedFonts.Family, 9, XFontStyleEx.Regular);
        g.DrawRectangle(new XPen(XColors.DarkGreen, 3), 28, 28, width - 56, page.Height.Point - 56);
        Center(g, m.Issuer.ToUpperInvariant(), body, 80, width);
        Center(g, "SERTIFIKAT KOMPETENSI", title, 130, width);
        Center(g, $"Nomor: {m.Number}", body, 160, width);
        Center(g, "Diberikan kepada", body, 215, width);
        Center(g, m.HolderName, large, 250, width);
        Center(g, "yang telah dinyatakan KOMPETEN pada skema sertifikasi", body, 290, width);
        Center(g, $"{m.SchemeName} ({m.SchemeLevel})", large, 322, width);
        var rows = new (string Label, string Value)[]
        {
            ("Tanggal terbit", Date(m.IssuedOn)),
            ("Berlaku sampai", Date(m.ValidUntil)),
            ("Nomor SK pleno", m.DecreeNumber),
            ("Penerbit", m.Issuer),
        };
        var y = 380.0;
        foreach (var (label, value) in rows)
        {
            g.DrawString(label, body, XBrushes.Black, 90, y);
            g.DrawString(": " + value, body, XBrushes.Black, 220, y);
            y += 22;
        }

        // The QR code drawn as vector squares, 35 mm wide (quiet zone included): crisp at any print resolution.
        using (var generator = new QRCodeGenerator())
        using (var qr = generator.CreateQrCode(m.VerificationUrl, QRCodeGenerator.ECCLevel.M))
        {
            var modules = qr.ModuleMatrix;
            var cell = XUnit.FromMillimeter(35).Point / modules.Count;
            for (var row = 0; row < modules.Count; row++)
            {
                for (var column = 0; column < modules.Count; column++)
                {
                    if (modules[row][column])
                    {
                        g.DrawRectangle(XBrushes.Black, 90 + (column * cell), 520 + (row * cell), cell, cell);
                    }
                }
            }
        }

        g.DrawString("Pindai kode QR atau buka alamat di bawah untuk memeriksa keabsahan dan status sertifikat ini.", small, XBrushes.Black, 90, 640);
        g.DrawString($"{m.VerificationUrl.Split('?')[0]}", small, XBrushes.DarkGreen, 90, 654);
        g.DrawString("Dokumen ini ditandatangani secara elektronik.", small, XBrushes.Black, XUnit.FromMillimeter(120).Point, XUnit.FromMillimeter(248).Point);
    }

    private static void Center(XGraphics g, string text, XFont font, double y, double width) =>
        g.DrawString(text, font, XBrushes.Black, new XRect(0, y - font.Size, width, font.Size * 1.4), XStringFormats.TopCenter);

    private static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Day} {Months[d.Month - 1]} {d.Year}");

    /// <summary>A self-signed signing certificate for when none is configured (outside Production): RSA 3072, five years.</summary>
    public static X509Certificate2 SelfSigned(string issuer)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest($"CN={issuer}, O={issuer}, C=ID", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Serves the Segoe WP faces shipped in PDFsharp's WPFonts assembly, whatever family is asked for.</summary>
    private sealed class ShippedFonts : IFontResolver
    {
        public const string Family = "Segoe WP";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "SegoeWP-Bold" : "SegoeWP");

        public byte[]? GetFont(string faceName) => faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
