using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Peksos.Clean.Bench;

/// <summary>The verification answer as the bare endpoints serialise it (source-generated JSON).</summary>
public sealed record BareVerification(string Number, bool Valid, string Status, string HolderName, string SchemeName, string IssuedOn, string ValidUntil, string Issuer,
    int Revision);

/// <summary>A certificate as GET /api/v1/certificates/{number} answers it (NIK masked), for the bare endpoints.</summary>
public sealed record BareCertificate(string Number, BareHolder Holder, BareScheme Scheme, string IssuedOn, string ValidUntil, string Status, bool Valid,
    string ExamId, string? SignedToken, List<BareStatusChange> History, int Version);

public sealed record BareHolder(string CandidateId, string FullName, string NikMasked);

public sealed record BareScheme(string Code, string Name);

public sealed record BareStatusChange(string At, string Action, string From, string To, string Reason);

/// <summary>One line of POST /api/v1/verify, for the bare endpoint.</summary>
public sealed record BareBulkVerification(string Number, bool Found, bool Valid, string? Status, string? HolderName, string? SchemeName, string? IssuedOn,
    string? ValidUntil, string? Issuer, string? Error);

public sealed record BareVerifyRequest(List<string> Numbers);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BareVerification))]
[JsonSerializable(typeof(List<BareBulkVerification>))]
[JsonSerializable(typeof(BareVerifyRequest))]
[JsonSerializable(typeof(BareCertificate))]
public sealed partial class BareJson : JsonSerializerContext;

/// <summary>The bare baselines of the two read endpoints, L0 (bytes from memory) and L1 (raw prepared SQLite + generated JSON); docs/benchmarks.md.</summary>
public static class Baseline
{
    public static async Task<int> ServeAsync(string databasePath, string number, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        var verifications = new ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)>();
        var certificates = new ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)>();
        var verificationBytes = JsonSerializer.SerializeToUtf8Bytes(Lookup(Rent(verifications, databasePath, VerificationSql), number, verifications)!,
            BareJson.Default.BareVerification);
        var certificate = Certificate(Rent(certificates, databasePath, CertificateSql), number, certificates)!;
        var certificateBytes = JsonSerializer.SerializeToUtf8Bytes(certificate, BareJson.Default.BareCertificate);
        var etag = $"\"{certificate.Version}\"";

        app.MapGet("/l0/verify/{number}", (string number) => Results.Bytes(verificationBytes, "application/json"));
        app.MapGet("/l1/verify/{number}", (string number) =>
        {
            var found = Lookup(Rent(verifications, databasePath, VerificationSql), number, verifications);
            return found is null ? Results.NotFound() : Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(found, BareJson.Default.BareVerification), "application/json");
        });
        app.MapGet("/l0/certificates/{number}", (string number, HttpResponse response) =>
        {
            response.Headers.ETag = etag;
            return Results.Bytes(certificateBytes, "application/json");
        });
        app.MapGet("/l1/certificates/{number}", (string number, HttpResponse response) =>
        {
            var found = Certificate(Rent(certificates, databasePath, CertificateSql), number, certificates);
            if (found is null)
            {
                return Results.NotFound();
            }

            response.Headers.ETag = $"\"{found.Version}\"";
            return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(found, BareJson.Default.BareCertificate), "application/json");
        });
        var bulk = new ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)>();
        app.MapPost("/l1/verify", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, BareJson.Default.BareVerifyRequest);
            return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(LookupMany(Rent(bulk, databasePath, BulkVerificationSql), body!.Numbers, bulk),
                BareJson.Default.ListBareBulkVerification), "application/json");
        });
        var events = new ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)>();
        app.MapGet("/l1/events", () => Results.Bytes(EventsPage(events, databasePath), "application/json"));
        await app.RunAsync();
        return 0;
    }

    /// <summary>The first 200 events, read by a raw prepared command and written with their stored data as is.</summary>
    private static byte[] EventsPage(ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)> pool, string path)
    {
        if (!pool.TryTake(out var pair))
        {
            var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT id, type, occurred_at, data FROM events WHERE id > $after ORDER BY id LIMIT 200";
            command.Parameters.Add("$after", SqliteType.Integer).Value = 0;
            command.Prepare();
            pair = (connection, command);
        }

        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                using var reader = pair.Command.ExecuteReader();
                writer.WriteStartObject();
                writer.WriteStartArray("items");
                long last = 0;
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    writer.WriteStartObject();
                    writer.WriteNumber("id", last);
                    writer.WriteString("type", reader.GetString(1));
                    writer.WriteString("occurredAt", reader.GetString(2));
                    writer.WritePropertyName("data");
                    writer.WriteRawValue(reader.GetString(3), skipInputValidation: true);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("nextCursor", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            pool.Add(pair);
        }
    }

    private const string VerificationSql = "SELECT number, holder_name, scheme_code, issued_on, valid_until, status, revision FROM certificates WHERE number = $number";

    /// <summary>The numbers arrive as one JSON array parameter ($number), as the real host binds a list on SQLite.</summary>
    private const string BulkVerificationSql =
        "SELECT number, holder_name, scheme_code, issued_on, valid_until, status FROM certificates WHERE number IN (SELECT value FROM json_each($number))";

    private const string CertificateSql = """
        SELECT c.number, c.candidate_id, c.holder_name, c.scheme_code, c.issued_on, c.valid_until, c.status, c.exam_id, c.signed_token, c.version,
               d.nik_last4, h.at, h.action, h.from_status, h.to_status, h.reason
        FROM certificates c JOIN candidates d ON d.id = c.candidate_id LEFT JOIN certificate_history h ON h.certificate_id = c.id
        WHERE c.number = $number ORDER BY h.position
        """;

    private static (SqliteConnection, SqliteCommand) Rent(ConcurrentBag<(SqliteConnection, SqliteCommand)> pool, string path, string sql)
    {
        if (pool.TryTake(out var pair))
        {
            return pair;
        }

        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$number", SqliteType.Text);
        command.Prepare();
        return (connection, command);
    }

    private static BareVerification? Lookup((SqliteConnection Connection, SqliteCommand Command) pair, string number,
        ConcurrentBag<(SqliteConnection, SqliteCommand)> pool)
    {
        try
        {
            pair.Command.Parameters[0].Value = number;
            using var reader = pair.Command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var status = reader.GetString(5);
            var validUntil = reader.GetString(4);
            var valid = IsValid(status, validUntil, Today());
            return new BareVerification(reader.GetString(0), valid, status, reader.GetString(1), "Pekerja Sosial Generalis", reader.GetString(3), validUntil,
                "LSP Pekerja Sosial Indonesia", reader.GetInt32(6));
        }
        finally
        {
            pool.Add(pair);
        }
    }

    /// <summary>Active and not past its valid-until date (both stored as text; <paramref name="today"/> from <see cref="Today"/>).</summary>
    private static bool IsValid(string status, string validUntil, string today) => status == "active" && string.CompareOrdinal(validUntil, today) >= 0;

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of all the numbers by one statement, answered in the order asked.</summary>
    private static List<BareBulkVerification> LookupMany((SqliteConnection Connection, SqliteCommand Command) pair, List<string> numbers,
        ConcurrentBag<(SqliteConnection, SqliteCommand)> pool)
    {
        var found = new Dictionary<string, BareBulkVerification>(StringComparer.Ordinal);
        try
        {
            pair.Command.Parameters[0].Value = JsonSerializer.Serialize(numbers, BareJson.Default.ListString);
            using var reader = pair.Command.ExecuteReader();
            var today = Today();
            while (reader.Read())
            {
                var status = reader.GetString(5);
                var validUntil = reader.GetString(4);
                found[reader.GetString(0)] = new BareBulkVerification(reader.GetString(0), true, IsValid(status, validUntil, today), status,
                    reader.GetString(1), "Pekerja Sosial Generalis", reader.GetString(3), validUntil, "LSP Pekerja Sosial Indonesia", null);
            }
        }
        finally
        {
            pool.Add(pair);
        }

        return numbers.Select(n => found.GetValueOrDefault(n) ?? new BareBulkVerification(n, false, false, null, null, null, null, null, null, "certificate.not-found")).ToList();
    }

    private static BareCertificate? Certificate((SqliteConnection Connection, SqliteCommand Command) pair, string number,
        ConcurrentBag<(SqliteConnection, SqliteCommand)> pool)
    {
        try
        {
            pair.Command.Parameters[0].Value = number;
            using var reader = pair.Command.ExecuteReader();
            BareCertificate? found = null;
            while (reader.Read())
            {
                if (found is null)
                {
                    var status = reader.GetString(6);
                    var validUntil = reader.GetString(5);
                    var valid = IsValid(status, validUntil, Today());
                    found = new BareCertificate(reader.GetString(0), new BareHolder(reader.GetString(1).ToLowerInvariant(), reader.GetString(2), "************" + reader.GetString(10)),
                        new BareScheme(reader.GetString(3), "Pekerja Sosial Generalis"), reader.GetString(4), validUntil, status, valid,
                        reader.GetString(7).ToLowerInvariant(), reader.IsDBNull(8) ? null : reader.GetString(8), [], reader.GetInt32(9));
                }

                if (!reader.IsDBNull(11))
                {
                    var at = DateTimeOffset.Parse(reader.GetString(11), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime
                        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                    found.History.Add(new BareStatusChange(at, reader.GetString(12), reader.GetString(13), reader.GetString(14), reader.GetString(15)));
                }
            }

            return found;
        }
        finally
        {
            pool.Add(pair);
        }
    }
}
