using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Peksos.Clean.Application.Portfolios;

namespace Peksos.Clean.Infrastructure.Storage;

/// <summary>Where the S3-compatible store is (<c>Storage:S3:*</c>); the bucket must exist.</summary>
public sealed record S3StorageOptions(string Bucket, string AccessKey, string SecretKey, string? ServiceUrl, string Region, bool ForcePathStyle);

/// <summary>
/// Blobs as objects of one bucket of an S3-compatible store (AWS S3, MinIO …) for deployments with several nodes
/// (<c>Storage:Provider=s3</c>). An upload is staged in a local temporary file (hashed, within its limit) and put with
/// its length, so an object appears whole or not at all and memory stays flat.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _staging;

    public S3BlobStore(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: the digest is ours (SHA-256, checked on every read), and not every
            // S3-compatible store takes the newer checksum trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _bucket = options.Bucket;
        _staging = Directory.CreateTempSubdirectory("peksos-s3-staging-").FullName;
    }

    /// <summary>The store that <c>Storage:S3:*</c> names (checked at start-up by the host's settings check).</summary>
    public static S3BlobStore FromSettings(Microsoft.Extensions.Configuration.IConfiguration configuration) => new(new S3StorageOptions(
        configuration["Storage:S3:Bucket"] ?? throw new InvalidOperationException("Storage:S3:Bucket is required with Storage:Provider=s3."),
        configuration["Storage:S3:AccessKey"] ?? throw new InvalidOperationException("Storage:S3:AccessKey is required with Storage:Provider=s3."),
        configuration["Storage:S3:SecretKey"] ?? throw new InvalidOperationException("Storage:S3:SecretKey is required with Storage:Provider=s3."),
        configuration["Storage:S3:ServiceUrl"],
        configuration["Storage:S3:Region"] is { Length: > 0 } region ? region : "us-east-1",
        Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<bool?>(configuration, "Storage:S3:ForcePathStyle") ?? true));

    public async Task<StoredBlob?> PutAsync(string key, ReadOnlyMemory<byte> head, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var staged = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        try
        {
            if (await BlobStaging.WriteAsync(staged, head, content, maxBytes, cancellationToken) is not { } blob)
            {
                return null;
            }

            await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = staged, UseChunkEncoding = false }, cancellationToken);
            return blob;
        }
        finally
        {
            File.Delete(staged);
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No blob '{key}' in the store.", ex);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => _client.DeleteObjectAsync(_bucket, key, cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_staging, recursive: true);
    }
}
