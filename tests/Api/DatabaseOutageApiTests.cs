using System.Net;
using Npgsql;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>The database goes away and comes back (PostgreSQL through a relay the test cuts): 503, then recovery without a restart.</summary>
public sealed class DatabaseOutageApiTests : IAsyncLifetime
{
    private TcpForwarder? _relay;
    private PeksosApiFactory? _factory;

    public Task InitializeAsync()
    {
        if (!TestDatabase.PostgresAvailable)
        {
            return Task.CompletedTask;
        }

        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        _relay = TcpForwarder.Start(server.Host!, server.Port);
        _factory = new PeksosApiFactory(DatabaseProvider.Postgres, connectionString: cs =>
            new NpgsqlConnectionStringBuilder(cs) { Host = "127.0.0.1", Port = _relay.Port, Timeout = 3 }.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _relay?.Resume();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task DatabaseGone_Answers503WithRetryAfter_ThenRecoversWithoutARestart()
    {
        Skip.IfNot(TestDatabase.PostgresAvailable, $"{TestDatabase.PostgresVariable} is not set.");
        var api = new ApiDriver(_factory!.CreateAdminClient());
        var candidate = (await api.RegisterCandidate()).GetProperty("id").GetGuid();
        using var consumer = _factory.CreateClientWithKey(await api.CreateKey("consumer"));
        using var anonymous = _factory.CreateClient();

        _relay!.Cut();

        var read = await api.Admin.GetAsync($"/api/v1/candidates/{candidate}");
        await read.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        read.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds));
        // Checking a stored API key needs the database too: still a 503, never a 401 or a 500.
        await (await consumer.GetAsync("/api/v1/certificates/expiring")).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

        _relay.Resume();

        HttpStatusCode status = 0;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await api.Admin.GetAsync($"/api/v1/candidates/{candidate}")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }

        status.Should().Be(HttpStatusCode.OK, "the host reconnects by itself once the database is back");
        (await consumer.GetAsync("/api/v1/certificates/expiring")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
