using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Bench;

/// <summary>
/// A 10 MiB evidence file through the real host over loopback HTTP, next to its physical limit on the same machine: the
/// same bytes written to a file and hashed (SHA-256) in one pass. Reports the host's peak memory, which must stay flat.
/// </summary>
public static class Upload
{
    private const int FileBytes = 10 * 1024 * 1024;

    public static async Task<int> RunAsync(int uploads, int rounds)
    {
        var pdf = new byte[FileBytes];
        Random.Shared.NextBytes(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var storage = Path.Combine(Path.GetTempPath(), "peksos-bench-blobs-" + Guid.NewGuid().ToString("N"));
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var host = await ProcessHost.StartAsync(database, Path.Combine(AppContext.BaseDirectory, "Peksos.Clean.Api.dll"),
            new Dictionary<string, string> { ["Storage:Path"] = storage, ["Limits:MaxPortfolioFileBytes"] = (1L << 40).ToString(CultureInfo.InvariantCulture) });
        using var admin = host.ClientWithKey(ProcessHost.AdminKey);
        var evidence = await EvidenceAsync(admin);
        var idle = host.PeakMemoryBytes();
        await UploadAsync(admin, evidence, pdf); // warm-up

        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < uploads; i++)
            {
                await UploadAsync(admin, evidence, pdf);
            }

            watch.Stop();
            var baseline = Baseline(pdf, uploads, storage);
            ratios.Add(baseline.TotalSeconds / watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {uploads} uploads of 10 MiB in {watch.Elapsed.TotalMilliseconds:F0} ms ({uploads * 10 / watch.Elapsed.TotalSeconds:F0} MiB/s); "
                + $"write+hash baseline {baseline.TotalMilliseconds:F0} ms; ratio {ratios[^1]:F3}; host peak RSS {host.PeakMemoryBytes() / 1048576} MB (idle {idle / 1048576} MB)"));
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload/baseline: median {ratios[ratios.Count / 2]:F3}"));
        Directory.Delete(storage, recursive: true);
        return 0;
    }

    private static async Task<string> EvidenceAsync(HttpClient admin)
    {
        var candidate = await Json(await admin.PostAsJsonAsync("/api/v1/candidates", new Dictionary<string, object>
        {
            ["nik"] = "1871014506900001",
            ["fullName"] = "Siti Rahmawati, S.Sos.",
            ["birthDate"] = "1990-06-05",
            ["sex"] = "F",
            ["email"] = "siti@example.org",
            ["phone"] = "081234567890",
            ["education"] = new { level = "S1", field = "kesejahteraan-sosial" },
            ["employment"] = new { type = "pendamping-pkh", organisation = "Dinas Sosial Kota Bandar Lampung", regionCode = "18.71" },
            ["practiceAreas"] = new[] { "kemiskinan" },
        }));
        var portfolio = await Json(await admin.PostAsJsonAsync("/api/v1/portfolios", new { candidateId = candidate.GetProperty("id").GetGuid(), schemeCode = "PEKSOS-GENERALIS" }));
        var id = portfolio.GetProperty("id").GetGuid();
        var evidence = await Json(await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/evidence", new { kind = "work-experience-letter", title = "Surat keterangan" }));
        return $"/api/v1/portfolios/{id}/evidence/{evidence.GetProperty("id").GetGuid()}/files?name=surat.pdf";
    }

    private static async Task UploadAsync(HttpClient admin, string url, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await admin.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The physical work of an upload: the bytes written to a new file on the same disk and hashed, in one pass.</summary>
    private static TimeSpan Baseline(byte[] pdf, int uploads, string folder)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < uploads; i++)
        {
            var path = Path.Combine(folder, $"baseline-{i}");
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81_920))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                for (var offset = 0; offset < pdf.Length; offset += 81_920)
                {
                    var chunk = pdf.AsSpan(offset, Math.Min(81_920, pdf.Length - offset));
                    hash.AppendData(chunk);
                    file.Write(chunk);
                }

                file.Flush();
                _ = hash.GetHashAndReset();
            }

            File.Delete(path);
        }

        return watch.Elapsed;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
