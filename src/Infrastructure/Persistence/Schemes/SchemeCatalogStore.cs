using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Schemes;

namespace Peksos.Clean.Infrastructure.Persistence.Schemes;

/// <summary>
/// Every published scheme version, in memory: loaded on first use, extended at once by this node's publications, and
/// reloaded when the table's row count changes (checked by <see cref="SchemeCatalogRefresh"/> twice a second).
/// Published versions never change, so the count is enough to see a new one.
/// </summary>
public sealed class SchemeCatalogStore(IDbConnectionFactory factory, SchemeParser parser) : ISchemeCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    public IReadOnlyList<SchemeVersionEntry> All => Current.All;

    public IReadOnlyList<SchemeVersionEntry> Versions(string? code) =>
        code is not null && Current.ByCode.TryGetValue(code, out var versions) ? versions : [];

    public void Published(SchemeVersionEntry entry)
    {
        lock (_gate)
        {
            var all = Current.All;
            if (!all.Any(e => e.Scheme.Code == entry.Scheme.Code && e.Scheme.Version == entry.Scheme.Version))
            {
                _snapshot = new Snapshot([.. all, entry]);
            }
        }
    }

    /// <summary>Reloads when another node published a version; answers whether anything changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM scheme_versions", cancellationToken: cancellationToken));
        if (count == Current.All.Count)
        {
            return false;
        }

        var loaded = await LoadAsync(connection, cancellationToken);
        lock (_gate)
        {
            _snapshot = loaded;
        }

        return true;
    }

    private Snapshot Current
    {
        get
        {
            if (Volatile.Read(ref _snapshot) is { } snapshot)
            {
                return snapshot;
            }

            lock (_gate)
            {
                if (_snapshot is null)
                {
                    using var connection = factory.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
                    _snapshot = LoadAsync(connection, CancellationToken.None).GetAwaiter().GetResult();
                }

                return _snapshot;
            }
        }
    }

    private async Task<Snapshot> LoadAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT scheme_code, version, effective_from, published_at, definition FROM scheme_versions ORDER BY scheme_code, version",
            cancellationToken: cancellationToken));
        return new Snapshot(rows.Select(Entry).ToList());
    }

    /// <summary>A stored version, built again with the registered rule types; one that no longer builds is a deployment error.</summary>
    private SchemeVersionEntry Entry(Row row)
    {
        var definition = JsonSerializer.Deserialize<SchemeInput>(row.Definition, Json);
        var parsed = parser.Parse(definition, row.Version, row.EffectiveFrom);
        return parsed.IsSuccess
            ? new SchemeVersionEntry(parsed.Value.Scheme, parsed.Value.Definition, row.PublishedAt)
            : throw new InvalidOperationException(
                $"Stored scheme {row.SchemeCode} v{row.Version} no longer builds with the registered rule types: {parsed.Error!.Message} " +
                "A rule type a published version uses must stay registered.");
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<SchemeVersionEntry> all)
        {
            All = all;
            ByCode = all.GroupBy(e => e.Scheme.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<SchemeVersionEntry>)g.OrderBy(e => e.Scheme.Version).ToList(), StringComparer.Ordinal);
        }

        public IReadOnlyList<SchemeVersionEntry> All { get; }

        public Dictionary<string, IReadOnlyList<SchemeVersionEntry>> ByCode { get; }
    }

    private sealed class Row
    {
        public string SchemeCode { get; set; } = "";
        public int Version { get; set; }
        public DateTimeOffset EffectiveFrom { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
        public string Definition { get; set; } = "";
    }
}

/// <summary>Checks twice a second for versions published on other nodes (a count query), so they are seen within a second.</summary>
public sealed partial class SchemeCatalogRefresh(SchemeCatalogStore store, ILogger<SchemeCatalogRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for newly published scheme versions failed; the next tick tries again.")]
    private partial void LogFailed(Exception exception);
}
