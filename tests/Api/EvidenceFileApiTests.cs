using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// Evidence files over HTTP on each engine: PDF, JPEG and PNG in and out with their digests; lying types, oversize
/// bodies, quotas, locked portfolios, other portfolios' evidence, a cut upload and a corrupted blob refused, each
/// leaving no blob and no row; the assessor of the participant downloads, another assessor does not.
/// </summary>
public abstract class EvidenceFileApiTests(DatabaseProvider provider, bool inS3 = false) : IAsyncLifetime
{
    private const int MaxFile = 64 * 1024;
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;
    private S3Server? _s3;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Limits:MaxEvidenceFileBytes"] = MaxFile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:MaxPortfolioFileBytes"] = (3 * MaxFile).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (inS3)
        {
            Skip.If(S3Server.Executable is null, "S3 store tests need PEKSOS_TEST_S3RVER (bash .ci/run installs s3rver).");
            _s3 = S3Server.Start();
            foreach (var (key, value) in _s3.Settings)
            {
                settings[key] = value;
            }
        }

        _factory = new PeksosApiFactory(provider, settings);
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _s3?.Dispose();
    }

    public static byte[] Pdf(int size) => Bytes("%PDF-1.7\n"u8.ToArray(), size);

    private static byte[] Jpeg(int size) => Bytes([0xFF, 0xD8, 0xFF, 0xE0], size);

    private static byte[] Png(int size) => Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    private static byte[] Bytes(byte[] head, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }

    [SkippableFact]
    public async Task ThePdfJpegAndPngOfAnEvidenceItem_GoInAndComeOutWithTheirDigests()
    {
        var (portfolio, evidence) = await Evidence();
        foreach (var (bytes, type, name) in new[] { (Pdf(40_000), "application/pdf", "surat-keterangan.pdf"), (Jpeg(9_000), "image/jpeg", "ijazah.jpg"), (Png(5_000), "image/png", "foto kegiatan.png") })
        {
            var uploaded = await (await Upload(portfolio, evidence, bytes, type, name)).ShouldBeJson(HttpStatusCode.Created);
            uploaded.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
            uploaded.GetProperty("size").GetInt64().Should().Be(bytes.Length);
            uploaded.GetProperty("contentType").GetString().Should().Be(type);

            using var download = await _api.Admin.GetAsync(FileUrl(portfolio, evidence, uploaded.GetProperty("id").GetGuid()));
            download.StatusCode.Should().Be(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
            download.Content.Headers.ContentType!.MediaType.Should().Be(type);
            download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
            download.Headers.ETag!.Tag.Should().Be($"\"{uploaded.GetProperty("sha256").GetString()}\"");
            download.Headers.CacheControl!.NoStore.Should().BeTrue();
            download.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        }

        var files = (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{portfolio}")).GetProperty("evidence")[0].GetProperty("files");
        files.GetArrayLength().Should().Be(3);
        var first = files[0].GetProperty("id").GetGuid();
        (await _api.Admin.DeleteAsync(FileUrl(portfolio, evidence, first))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _api.Admin.GetAsync(FileUrl(portfolio, evidence, first))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        BlobCount().Should().Be(2, "the deleted file's bytes are gone too");
    }

    [SkippableFact]
    public async Task BadFiles_AreRefusedWithTheirCodes_AndLeaveNoBlobAndNoRow()
    {
        var (portfolio, evidence) = await Evidence();
        await (await Upload(portfolio, evidence, "hello"u8.ToArray(), "text/plain", "catatan.txt")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "file.type-not-allowed");
        await (await Upload(portfolio, evidence, Png(2_000), "application/pdf", "palsu.pdf")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "file.type-mismatch");
        await (await Upload(portfolio, evidence, Pdf(MaxFile + 1), "application/pdf", "besar.pdf")).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "file.too-large");
        await (await Upload(portfolio, evidence, Pdf(MaxFile + 1), "application/pdf", "besar.pdf", chunked: true)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "file.too-large");
        await (await Upload(portfolio, evidence, Pdf(100), "application/pdf", "../../etc/passwd")).ShouldBeProblem(HttpStatusCode.BadRequest, "file.name-invalid");
        await (await Upload(portfolio, Guid.NewGuid(), Pdf(100), "application/pdf", "a.pdf")).ShouldBeProblem(HttpStatusCode.NotFound, "evidence.not-found");
        var (_, otherEvidence) = await Evidence();
        await (await Upload(portfolio, otherEvidence, Pdf(100), "application/pdf", "a.pdf")).ShouldBeProblem(HttpStatusCode.NotFound, "evidence.not-found");

        // The connection is cut half-way: the server reads a body that breaks off.
        var cut = new StreamContent(new BreakingStream(Pdf(MaxFile), breakAfter: 20_000));
        cut.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() => _api.Admin.PostAsync($"/api/v1/portfolios/{portfolio}/evidence/{evidence}/files?name=putus.pdf", cut));

        BlobCount().Should().Be(0);
        (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{portfolio}")).GetProperty("evidence")[0].GetProperty("files").GetArrayLength().Should().Be(0);

        for (var i = 0; i < 3; i++)
        {
            await (await Upload(portfolio, evidence, Pdf(MaxFile - 10), "application/pdf", $"bagian-{i}.pdf")).ShouldBeJson(HttpStatusCode.Created);
        }

        await (await Upload(portfolio, evidence, Pdf(100), "application/pdf", "lebih.pdf")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "portfolio.files-quota-exceeded");
        BlobCount().Should().Be(3);
    }

    [SkippableFact]
    public async Task ALockedPortfolio_TakesNoFile_AndACorruptedBlobIsNotServed()
    {
        var (_, accepted) = await _api.AcceptedGeneralisPortfolio();
        var lockedEvidence = (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{accepted}")).GetProperty("evidence")[0].GetProperty("id").GetGuid();
        await (await Upload(accepted, lockedEvidence, Pdf(100), "application/pdf", "a.pdf")).ShouldBeProblem(HttpStatusCode.Conflict, "portfolio.locked");

        var (portfolio, evidence) = await Evidence();
        var file = (await (await Upload(portfolio, evidence, Pdf(3_000), "application/pdf", "catatan-kasus.pdf")).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await CorruptTheOnlyBlobAsync();

        await (await _api.Admin.GetAsync(FileUrl(portfolio, evidence, file))).ShouldBeProblem(HttpStatusCode.BadGateway, "file.integrity-failed");
    }

    [SkippableFact]
    public async Task TheAssessorOfTheParticipant_DownloadsTheFilesOfTheirPortfolio_AnotherDoesNot()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate);
        var portfolio = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();
        await _api.CompleteGeneralis(portfolio);
        var evidence = (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{portfolio}")).GetProperty("evidence")[0].GetProperty("id").GetGuid();
        var bytes = Pdf(2_000);
        var file = (await (await Upload(portfolio, evidence, bytes, "application/pdf", "catatan.pdf")).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
        (await _api.Admin.DeleteAsync(FileUrl(portfolio, evidence, file))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var mine = await _api.RegisterAssessor("Bambang Sutrisno", "MET.F.0003", "Universitas Lampung");
        var other = await _api.RegisterAssessor("Sri Wahyuni", "MET.F.0004", "Universitas Lampung");
        using var mineClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", mine));
        using var otherClient = _factory.CreateClientWithKey(await _api.CreateKey("assessor", other));
        var exam = await _api.PlanExam(2, mine, other);
        await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId = mine }, HttpStatusCode.Created);

        (await (await mineClient.GetAsync(FileUrl(portfolio, evidence, file))).Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        (await otherClient.GetAsync(FileUrl(portfolio, evidence, file))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(Guid Portfolio, Guid Evidence)> Evidence()
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        var portfolio = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();
        var evidence = (await _api.AddEvidence(portfolio, ApiDriver.Document("work-experience-letter"))).GetProperty("id").GetGuid();
        return (portfolio, evidence);
    }

    private Task<HttpResponseMessage> Upload(Guid portfolio, Guid evidence, byte[] bytes, string contentType, string name, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        return _api.Admin.PostAsync($"/api/v1/portfolios/{portfolio}/evidence/{evidence}/files?name={Uri.EscapeDataString(name)}", content);
    }

    private static string FileUrl(Guid portfolio, Guid evidence, Guid file) => $"/api/v1/portfolios/{portfolio}/evidence/{evidence}/files/{file}";

    private int BlobCount() => _s3 is not null
        ? _s3.KeysAsync().GetAwaiter().GetResult().Count
        : Directory.Exists(_factory.StoragePath) ? Directory.EnumerateFiles(_factory.StoragePath, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>Flips the last byte of the one stored blob, behind the store's back.</summary>
    private async Task CorruptTheOnlyBlobAsync()
    {
        if (_s3 is not null)
        {
            var key = (await _s3.KeysAsync()).Single();
            using var stored = await _s3.Client.GetObjectAsync(S3Server.Bucket, key);
            using var copy = new MemoryStream();
            await stored.ResponseStream.CopyToAsync(copy);
            var changed = copy.ToArray();
            changed[^1] ^= 0xFF;
            await _s3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = S3Server.Bucket, Key = key, InputStream = new MemoryStream(changed), UseChunkEncoding = false });
            return;
        }

        var blob = Directory.EnumerateFiles(_factory.StoragePath, "*", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(blob, bytes);
    }

    /// <summary>A body that fails part-way, as a connection cut mid-upload does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position >= breakAfter ? throw new IOException("connection reset") : base.Read(buffer, offset, Math.Min(count, breakAfter - (int)Position));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Position >= breakAfter ? throw new IOException("connection reset") : await base.ReadAsync(buffer[..Math.Min(buffer.Length, breakAfter - (int)Position)], cancellationToken);
        }
    }
}

public sealed class SqliteEvidenceFileApiTests() : EvidenceFileApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresEvidenceFileApiTests() : EvidenceFileApiTests(DatabaseProvider.Postgres);

/// <summary>The same behaviour with the files in an S3-compatible store (<c>Storage:Provider=s3</c>).</summary>
public sealed class S3EvidenceFileApiTests() : EvidenceFileApiTests(DatabaseProvider.Sqlite, inS3: true);
