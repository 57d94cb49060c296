using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The real host over HTTP on a real, fresh database (a temporary SQLite file, or a PostgreSQL database when a test
/// server is configured). Time is a <see cref="FakeTimeProvider"/> the tests can move.
/// </summary>
public sealed class PeksosApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Func<string, string> _connectionString;
    private bool _ownsDatabase;

    /// <param name="provider"></param>
    /// <param name="settings">Configuration for this host; rate limits are lifted unless a test sets them.</param>
    /// <param name="connectionString">How the host reaches the test database (e.g. through a <see cref="TcpForwarder"/>).</param>
    public PeksosApiFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, Func<string, string>? connectionString = null)
        : this(TestDatabase.Create(provider), ownsDatabase: true, settings, connectionString)
    {
    }

    private PeksosApiFactory(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string>? settings, Func<string, string>? connectionString)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings ?? new Dictionary<string, string>();
        _connectionString = connectionString ?? (cs => cs);
    }

    /// <summary>Another node on this host's database (it leaves the database to this host to drop).</summary>
    public PeksosApiFactory SecondNode() => new(_database, ownsDatabase: false, _settings, _connectionString) { StoragePath = StoragePath };

    /// <summary>
    /// A host that takes over this one's database, files and time when this one is disposed (a restart): call it, dispose
    /// this host, then use the new one (which drops the database in the end).
    /// </summary>
    public PeksosApiFactory Successor()
    {
        _ownsDatabase = false;
        return new(_database, ownsDatabase: true, _settings, _connectionString)
        {
            StoragePath = StoragePath,
            Clock = new FakeTimeProvider(Clock.GetUtcNow()),
            AddServices = AddServices,
        };
    }

    public FakeTimeProvider Clock { get; private init; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    /// <summary>This host's blob store folder (its own, removed with the host; a second node shares it).</summary>
    public string StoragePath { get; private init; } = Path.Combine(Path.GetTempPath(), "peksos-blobs-" + Guid.NewGuid().ToString("N"));

    /// <summary>Services a test adds to the host (e.g. a rule type of its own).</summary>
    public Action<IServiceCollection>? AddServices { get; init; }

    public TestDatabase Database => _database;

    public const string AdminKey = "test-bootstrap-admin-key";

    /// <summary>A client authenticated with the bootstrap admin key.</summary>
    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    public HttpClient CreateClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.ProviderName);
        builder.UseSetting("ConnectionStrings:Peksos", _connectionString(_database.ConnectionString));
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        builder.UseSetting("RateLimiting:AnonymousPerMinute", "100000");
        builder.UseSetting("RateLimiting:PerKeyPerMinute", "100000");
        builder.UseSetting("Storage:Path", StoragePath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        Clock.SetLocalTimeZone(Infrastructure.Calendar.LspTimeProvider.Zone(_settings.GetValueOrDefault("Lsp:TimeZone"))!);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            AddServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
            if (Directory.Exists(StoragePath))
            {
                Directory.Delete(StoragePath, recursive: true);
            }
        }
    }
}
