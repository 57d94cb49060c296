using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The certificate PDF: one A4 page whose embedded signature an independent checker (.NET's <see cref="SignedCms"/>
/// over the signed byte range, as PDF readers do) finds valid and by the LSP, and invalid once a byte changes.
/// </summary>
public sealed partial class CertificatePdfApiTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ThePdf_IsOneA4Page_SignedByTheLsp_AndAChangedByteBreaksTheSignature()
    {
        var number = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        using var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        using var response = await consumer.GetAsync($"/api/v1/certificates/{number}/certificate.pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(pdf);
        text.Should().StartWith("%PDF-");
        MediaBox().Matches(text).Should().ContainSingle("one page")
            .Which.Groups.Cast<Group>().Skip(1).Select(g => double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).Should()
            .SatisfyRespectively(w => w.Should().BeApproximately(595.3, 0.5), h => h.Should().BeApproximately(841.9, 0.5));

        var signer = Verify(pdf);
        signer.Subject.Should().Contain("LSP Pekerja Sosial Indonesia");

        // The self-signed certificate is made once and stored (encrypted): another node signs as the same signer.
        await using var second = _factory.SecondNode();
        using var onSecond = second.CreateClientWithKey(PeksosApiFactory.AdminKey);
        Verify(await onSecond.GetByteArrayAsync($"/api/v1/certificates/{number}/certificate.pdf")).Thumbprint.Should().Be(signer.Thumbprint);

        var tampered = (byte[])pdf.Clone();
        var at = text.IndexOf("Sertifikat Kompetensi", StringComparison.Ordinal);
        tampered[at] = (byte)'s';
        FluentActions.Invoking(() => Verify(tampered)).Should().Throw<System.Security.Cryptography.CryptographicException>("the document changed after signing");
        (await _api.Admin.GetAsync($"/api/v1/certificates/PSG-2026-999999-00/certificate.pdf")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task PopplersPdfsig_ReportsTheSignerAndAnUnmodifiedDocument()
    {
        Skip.IfNot(File.Exists("/usr/bin/pdfsig"), "needs poppler-utils' pdfsig (bash .ci/run installs it)");
        var number = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        var path = Path.Combine(Path.GetTempPath(), $"{number}.pdf");
        await File.WriteAllBytesAsync(path, await _api.Admin.GetByteArrayAsync($"/api/v1/certificates/{number}/certificate.pdf"));
        try
        {
            using var pdfsig = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdfsig", [path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await pdfsig.StandardOutput.ReadToEndAsync() + await pdfsig.StandardError.ReadToEndAsync();
            await pdfsig.WaitForExitAsync();

            output.Should().Contain("Signer Certificate Common Name: LSP Pekerja Sosial Indonesia")
                .And.Contain("Signature Validation: Signature is Valid.")
                .And.Contain("Total document signed", "the signature covers the whole file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public async Task TheQrCodeOnThePrintedPage_DecodesToTheVerificationPageWithTheSignedToken()
    {
        Skip.IfNot(File.Exists("/usr/bin/pdftoppm") && File.Exists("/usr/bin/zbarimg"), "needs poppler-utils' pdftoppm and zbar-tools' zbarimg (bash .ci/run installs them)");
        var number = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        var token = (await _api.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/certificates/{number}")).GetProperty("signedToken").GetString()!;
        var folder = Directory.CreateTempSubdirectory("peksos-pdf-qr-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "certificate.pdf");
            await File.WriteAllBytesAsync(pdf, await _api.Admin.GetByteArrayAsync($"/api/v1/certificates/{number}/certificate.pdf"));
            (await RunAsync("/usr/bin/pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(folder, "page"))).ExitCode.Should().Be(0);

            var (exitCode, output) = await RunAsync("/usr/bin/zbarimg", "--raw", "-q", Path.Combine(folder, "page.png"));

            exitCode.Should().Be(0, "zbar finds a QR code on the page printed at 150 dpi");
            output.Trim().Should().Be($"http://localhost/verify/{number}?t={Uri.EscapeDataString(token)}");
            var page = await _api.Admin.GetStringAsync(new Uri(output.Trim()).PathAndQuery);
            page.Should().Contain("data-token=\"valid\"");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>Checks the CMS signature over the /ByteRange it covers; answers the signer's certificate.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Verify(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Match(text);
        range.Success.Should().BeTrue("the PDF carries a signature dictionary");
        var r = range.Groups.Cast<Group>().Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var signed = pdf.AsSpan(r[0], r[1]).ToArray().Concat(pdf.AsSpan(r[2], r[3]).ToArray()).ToArray();
        var contents = text[(r[0] + r[1] + 1)..(r[2] - 1)].TrimEnd('0');
        if (contents.Length % 2 == 1)
        {
            contents += "0";
        }

        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.Decode(Convert.FromHexString(contents));
        cms.CheckSignature(verifySignatureOnly: true);
        return cms.SignerInfos[0].Certificate!;
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
