using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// A real S3-compatible server on loopback for the S3 blob store's tests: s3rver (<c>PEKSOS_TEST_S3RVER</c> names its
/// executable; <c>bash .ci/run</c> installs it), with one bucket in a temporary folder.
/// </summary>
public sealed class S3Server : IDisposable
{
    public const string Bucket = "peksos-test";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _folder;

    private S3Server(Process process, string folder, string url)
    {
        _process = process;
        _folder = folder;
        ServiceUrl = url;
        Client = new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
        {
            ServiceURL = url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public static string? Executable => Environment.GetEnvironmentVariable("PEKSOS_TEST_S3RVER") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public string ServiceUrl { get; }

    /// <summary>A client of the server, to look at the bucket as the store left it.</summary>
    public AmazonS3Client Client { get; }

    /// <summary>The host settings that put evidence files in this server's bucket.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Storage:Provider"] = "s3",
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:Bucket"] = Bucket,
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
    };

    public static S3Server Start()
    {
        var folder = Directory.CreateTempSubdirectory("peksos-s3rver-").FullName;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var process = Process.Start(new ProcessStartInfo(Executable!, ["-d", folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--silent", "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, folder, $"http://127.0.0.1:{port}");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                server.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }).GetAwaiter().GetResult();
                return server;
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or AmazonClientException)
            {
                Thread.Sleep(100);
            }
        }

        server.Dispose();
        throw new TimeoutException("s3rver did not start.");
    }

    public async Task<IReadOnlyList<string>> KeysAsync() =>
        (await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket })).S3Objects?.Select(o => o.Key).ToList() ?? [];

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
