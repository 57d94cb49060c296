using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>A request an operator can follow: its log line, its trace (HTTP, use case, database) and the trace id a client quotes.</summary>
public sealed class ObservabilityApiTests
{
    [Fact]
    public async Task AProblemsTraceId_IsTheW3CTraceId_InTheRequestsLogLineAndItsSpans()
    {
        var logs = new ConcurrentQueue<string>();
        var spans = new List<Activity>();
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" });
        using var admin = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddLogging(l => l.AddProvider(new LineCollector(logs)));
            s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        })).CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", PeksosApiFactory.AdminKey);

        var traceId = await RefusedRegistrationTraceId(admin, logs);
        await WaitForAsync(() => spans.Any(s => s.Source.Name == "Peksos.Clean.Application"));
        spans.Should().Contain(s => s.DisplayName == "RegisterCandidate" && s.TraceId.ToHexString() == traceId
            && (string?)s.GetTagItem("peksos.error.code") == "nik.invalid");
        logs.Should().NotContain(line => line.Contains("1871014506900000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTelemetry_AProblemsTraceId_IsStillTheW3CTraceIdOfItsLogLine()
    {
        var logs = new ConcurrentQueue<string>();
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        using var admin = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new LineCollector(logs))))).CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", PeksosApiFactory.AdminKey);

        var traceId = await RefusedRegistrationTraceId(admin, logs);

        using var traced = new HttpRequestMessage(HttpMethod.Get, "/api/v1/candidates/00000000-0000-0000-0000-000000000001");
        traced.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        (await (await admin.SendAsync(traced)).ShouldBeProblem(HttpStatusCode.NotFound, "candidate.not-found"))
            .GetProperty("traceId").GetString().Should().Be("4bf92f3577b34da6a3ce929d0e0e4736", "the caller's trace goes on");
    }

    /// <summary>A refused registration's problem: its traceId, W3C-shaped and the same as in the request's log line.</summary>
    private static async Task<string> RefusedRegistrationTraceId(HttpClient admin, ConcurrentQueue<string> logs)
    {
        var problem = await (await admin.PostAsJsonAsync("/api/v1/candidates", CandidatesApiTests.ValidCandidate("1871014506900000")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "nik.invalid");
        var traceId = problem.GetProperty("traceId").GetString()!;
        traceId.Should().MatchRegex("^[0-9a-f]{32}$");
        logs.Should().Contain(line => line.Contains("HTTP POST /api/v1/candidates answered 400", StringComparison.Ordinal) && line.Contains(traceId, StringComparison.Ordinal));
        return traceId;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private sealed class LineCollector(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(lines);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
