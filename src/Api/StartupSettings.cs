using System.Globalization;

namespace Peksos.Clean.Api;

/// <summary>
/// Every setting the host reads, checked once before anything starts, so an operator sees every missing or invalid
/// one in one message (docs/deployment.md lists them; README's table says which Production requires).
/// </summary>
public static class StartupSettings
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var production = environment.IsProduction();
        var problems = new List<string>();
        void Require(string name, string why)
        {
            if (production && string.IsNullOrWhiteSpace(configuration[name]))
            {
                problems.Add($"{name} is required in Production: {why}.");
            }
        }

        var provider = configuration["Database:Provider"];
        if (provider is not (null or "" or "sqlite" or "postgres"))
        {
            problems.Add($"Database:Provider is 'sqlite' or 'postgres', not '{provider}'.");
        }
        else if (provider == "postgres" && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Peksos")))
        {
            problems.Add("ConnectionStrings:Peksos is required with Database:Provider=postgres: an Npgsql connection string.");
        }

        Require("Auth:BootstrapAdminKey", "the first admin API key");
        if (Infrastructure.Calendar.LspTimeProvider.Zone(configuration["Lsp:TimeZone"]) is null)
        {
            problems.Add($"Lsp:TimeZone is an IANA time zone such as {Infrastructure.Calendar.LspTimeProvider.DefaultZone}, not '{configuration["Lsp:TimeZone"]}'.");
        }

        foreach (var key in new[] { "Security:NikEncryptionKey", "Security:NikIndexKey" })
        {
            Require(key, "base64 of 32 random bytes (openssl rand -base64 32)");
            CheckKey(configuration[key], key, problems);
        }

        if (string.IsNullOrWhiteSpace(configuration["Certificates:SigningKeyPem"]))
        {
            Require("Security:SigningKeyEncryptionKey", "base64 of 32 random bytes that encrypt the stored signing keys (or set Certificates:SigningKeyPem)");
        }

        CheckKey(configuration["Security:SigningKeyEncryptionKey"], "Security:SigningKeyEncryptionKey", problems);
        Require("Certificates:PublicBaseUrl", "the public https address printed in certificates' QR codes (never taken from a request's Host header)");
        if (configuration["Certificates:PublicBaseUrl"] is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || (production && uri.Scheme != "https")))
        {
            problems.Add($"Certificates:PublicBaseUrl is an absolute {(production ? "https" : "http(s)")} URL, not '{url}'.");
        }

        if (configuration["Certificates:PdfSigningCertificate"] is { Length: > 0 } pfx && !File.Exists(pfx))
        {
            problems.Add($"Certificates:PdfSigningCertificate names a PKCS#12 file that does not exist: '{pfx}'.");
        }

        foreach (var proxy in Security.ProxiesAndOrigins.List(configuration["ForwardedHeaders:KnownProxies"]))
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                problems.Add($"ForwardedHeaders:KnownProxies lists IP addresses; '{proxy}' is not one.");
            }
        }

        foreach (var origin in Security.ProxiesAndOrigins.List(configuration["Cors:AllowedOrigins"]))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/")
            {
                problems.Add($"Cors:AllowedOrigins lists origins such as https://app.example.org; '{origin}' is not one.");
            }
        }

        foreach (var number in new[] { "Limits:MaxBodyBytes", "RateLimiting:AnonymousPerMinute", "RateLimiting:PerKeyPerMinute", "Idempotency:RetentionHours" })
        {
            if (configuration[number] is { Length: > 0 } text && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0))
            {
                problems.Add($"{number} is a positive number, not '{text}'.");
            }
        }

        var storage = configuration["Storage:Provider"];
        if (storage is not (null or "" or "filesystem" or "s3"))
        {
            problems.Add($"Storage:Provider is 'filesystem' or 's3', not '{storage}'.");
        }
        else if (storage == "s3")
        {
            foreach (var key in new[] { "Storage:S3:Bucket", "Storage:S3:AccessKey", "Storage:S3:SecretKey" })
            {
                if (string.IsNullOrWhiteSpace(configuration[key]))
                {
                    problems.Add($"{key} is required with Storage:Provider=s3.");
                }
            }

            if (configuration["Storage:S3:ServiceUrl"] is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            {
                problems.Add($"Storage:S3:ServiceUrl is an absolute URL such as https://minio.internal:9000, not '{endpoint}'.");
            }
        }

        if (configuration["Webhooks:RetryDelays"] is { Length: > 0 } delays && Domain.Webhooks.RetrySchedule.Parse(delays) is null)
        {
            problems.Add($"Webhooks:RetryDelays is a comma-separated list of durations such as 5s,30s,2m,10m,1h,6h, not '{delays}'.");
        }

        foreach (var duration in new[] { "Webhooks:Timeout", "Webhooks:PollInterval", "Certificates:ExpiryReminderInterval" })
        {
            if (configuration[duration] is { Length: > 0 } text && Domain.Webhooks.RetrySchedule.ParseDuration(text) is null)
            {
                problems.Add($"{duration} is a duration such as 10s, 2m or 1h, not '{text}'.");
            }
        }

        if (configuration["Webhooks:AllowPrivateTargets"] is { Length: > 0 } allow && !bool.TryParse(allow, out _))
        {
            problems.Add($"Webhooks:AllowPrivateTargets is true or false, not '{allow}'.");
        }

        return problems;
    }

    private static void CheckKey(string? base64, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return;
        }

        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length != 32)
        {
            problems.Add($"{name} is base64 of exactly 32 bytes.");
        }
    }

    public const string Usage = """
        Peksos.Clean — certification of Indonesia's professional social workers.

        Usage: dotnet run --project src/Api [-- <command>] [--urls http://host:port]
          (no command)          serve the API (SQLite file by default, migrated on start)
          seed-demo             fill an empty database with demonstration data (synthetic NIKs), then exit
          rotate-signing-key    make a new certificate signing key active (old ones stay published), then exit
          --help, -h            print this and exit

        Settings come from appsettings.json, environment variables (Section__Key) or --Section:Key=value; README.md lists them.
        """;
}
