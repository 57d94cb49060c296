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
public sealed record BareVerification(string Number, bool Valid, string Status, string HolderName, string SchemeName, string IssuedOn, string ValidUntil, string Issuer);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BareVerification))]
public sealed partial class BareJson : JsonSerializerContext;

/// <summary>
/// The physical limits of a verification request on this machine: L0 answers the same JSON bytes from memory; L1 runs
/// the same lookup with a raw prepared SQLite command and a source-generated JSON context, nothing else (no auth,
/// no rate limiter, no mediator, no Dapper, no ProblemDetails, no logging).
/// </summary>
public static class Baseline
{
    public static async Task<int> ServeAsync(string databasePath, string number, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        var pool = new ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)>();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Lookup(Rent(pool, databasePath), number, pool)!, BareJson.Default.BareVerification);

        app.MapGet("/l0/verify/{number}", (string number) => Results.Bytes(bytes, "application/json"));
        app.MapGet("/l1/verify/{number}", (string number) =>
        {
            var found = Lookup(Rent(pool, databasePath), number, pool);
            return found is null ? Results.NotFound() : Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(found, BareJson.Default.BareVerification), "application/json");
        });
        await app.RunAsync();
        return 0;
    }

    private static (SqliteConnection, SqliteCommand) Rent(ConcurrentBag<(SqliteConnection, SqliteCommand)> pool, string path)
    {
        if (pool.TryTake(out var pair))
        {
            return pair;
        }

        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT number, holder_name, scheme_code, issued_on, valid_until, status FROM certificates WHERE number = $number";
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
            var valid = status == "active" && string.CompareOrdinal(validUntil, DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0;
            return new BareVerification(reader.GetString(0), valid, status, reader.GetString(1), "Pekerja Sosial Generalis", reader.GetString(3), validUntil,
                "LSP Pekerja Sosial Indonesia");
        }
        finally
        {
            pool.Add(pair);
        }
    }
}
