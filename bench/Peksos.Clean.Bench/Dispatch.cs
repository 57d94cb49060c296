using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Peksos.Clean.Api;
using Peksos.Clean.Application;
using Peksos.Clean.Application.Reference.GetProvinces;
using Peksos.Clean.Infrastructure;

namespace Peksos.Clean.Bench;

/// <summary>
/// What the mediator pipeline (logging, validation behaviours; queries skip the unit of work) costs per request:
/// a query sent through the generated mediator against the same handler called directly.
/// </summary>
[MemoryDiagnoser]
public class Dispatch
{
    private IServiceScope _scope = null!;
    private ISender _sender = null!;
    private GetProvincesHandler _handler = null!;
    private readonly GetProvinces _query = new();

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Peksos"] = $"Data Source={Path.Combine(Path.GetTempPath(), "dispatch-bench.db")}",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPeksosApplication()
            .AddPeksosInfrastructure(configuration, new BenchEnvironment())
            .AddPeksosMediator()
            .AddScoped<Application.Abstractions.ICurrentActor, BenchActor>()
            .BuildServiceProvider();
        _scope = services.CreateScope();
        _sender = _scope.ServiceProvider.GetRequiredService<ISender>();
        _handler = new GetProvincesHandler();
    }

    [GlobalCleanup]
    public void Cleanup() => _scope.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> DirectHandler() => (await _handler.Handle(_query, default)).Value.Count;

    [Benchmark]
    public async ValueTask<int> ThroughMediator() => (await _sender.Send(_query)).Value.Count;

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class BenchActor : Application.Abstractions.ICurrentActor
    {
        public string KeyId => "bench";
        public string Name => "bench";
        public string Role => "admin";
        public Domain.Assessors.AssessorId? AssessorId => null;
    }
}
