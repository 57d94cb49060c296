using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.Pkcs;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Infrastructure.Documents;

namespace Peksos.Clean.Bench;

/// <summary>
/// Rendering and signing the certificate PDF in process, next to its irreducible part on the same machine: the CMS
/// signature alone (SHA-256, the same RSA key) over a document of the same size.
/// </summary>
public static class CertificatePdfRender
{
    public static async Task<int> RunAsync(int count, int rounds)
    {
        using var certificate = CertificatePdf.SelfSigned("LSP Pekerja Sosial Indonesia");
        var pdf = new CertificatePdf(certificate);
        var model = new CertificateDocumentModel("PSG-2026-000001-62", "Siti Rahmawati, S.Sos.", "Pekerja Sosial Generalis", "Generalis", new DateOnly(2026, 11, 27),
            new DateOnly(2031, 11, 26), "SK-12/LSP-PS/XII/2026", "LSP Pekerja Sosial Indonesia",
            "https://sertifikasi.lsp-peksos.or.id/verify/PSG-2026-000001-62?t=eyJhbGciOiJFUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJQU0ctMjAyNi0wMDAwMDEtNjIifQ.c2ln");
        var sample = await pdf.RenderAsync(model, CancellationToken.None); // warm-up
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await pdf.RenderAsync(model, CancellationToken.None);
            }

            watch.Stop();
            var sign = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var cms = new SignedCms(new ContentInfo(sample), detached: true);
                cms.ComputeSignature(new CmsSigner(certificate), silent: true);
                _ = cms.Encode();
            }

            sign.Stop();
            ratios.Add(sign.Elapsed.TotalSeconds / watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {count} PDFs rendered and signed in {watch.Elapsed.TotalMilliseconds:F0} ms ({watch.Elapsed.TotalMilliseconds / count:F1} ms each, {sample.Length / 1024} KB); "
                + $"the CMS signature alone {sign.Elapsed.TotalMilliseconds / count:F1} ms each; ratio {ratios[^1]:F3}"));
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signature/full render: median {ratios[ratios.Count / 2]:F3}"));
        return 0;
    }
}
