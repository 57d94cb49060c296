using System.Net;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

public sealed class DemoSeederTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SeedDemo_TellsTheWholeStory_AndRunsOnce()
    {
        using var admin = _factory.CreateAdminClient();
        using var output = new StringWriter();

        await DemoSeeder.RunAsync(_factory.Services, output, "http://127.0.0.1:5999", default);

        output.ToString().Should().Contain("46 candidates").And.Contain("a Bimtek of 46").And.Contain("18 certificates")
            .And.Contain("http://127.0.0.1:5999/verify/", "the printed address is the host's, not a fixed one");
        var register = await (await _factory.CreateClient().GetAsync("/api/v1/certificates?limit=200")).ShouldBeJson(HttpStatusCode.OK);
        register.GetProperty("items").GetArrayLength().Should().Be(18);
        var report = await (await admin.GetAsync("/api/v1/reports/summary?provinceCode=18")).ShouldBeJson(HttpStatusCode.OK);
        report.GetProperty("candidates").GetInt32().Should().Be(46);
        report.GetProperty("competent").GetInt32().Should().Be(18);
        report.GetProperty("notYetCompetent").GetInt32().Should().Be(2);
        var audit = await (await admin.GetAsync("/api/v1/audit?limit=5")).ShouldBeJson(HttpStatusCode.OK);
        audit.GetProperty("items")[0].GetProperty("actor").GetProperty("name").GetString().Should().Be("seed-demo");

        using var again = new StringWriter();
        await DemoSeeder.RunAsync(_factory.Services, again, "http://127.0.0.1:5999", default);
        again.ToString().Should().Contain("already there");
    }
}
