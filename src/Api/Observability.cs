using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Peksos.Clean.Application.Behaviours;

namespace Peksos.Clean.Api;

/// <summary>
/// Traces and metrics (OpenTelemetry: ASP.NET Core, PostgreSQL, the use cases), collected and exported by OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (or <c>Telemetry:Enabled</c>); one log line per request; JSON logs with
/// <c>Logging:Format=json</c>.
/// </summary>
public static partial class Observability
{
    public const string ServiceName = "peksos-clean";

    /// <summary>
    /// The request's W3C trace id, in its problem responses and its log line: its activity's when telemetry is on, else
    /// the caller's <c>traceparent</c> or a new random one, kept for the rest of the request.
    /// </summary>
    public static string TraceId(HttpContext http)
    {
        if (Activity.Current is { } activity)
        {
            return activity.TraceId.ToHexString();
        }

        if (http.Items.TryGetValue(TraceIdItem, out var known) && known is string id)
        {
            return id;
        }

        var traceId = ActivityContext.TryParse(http.Request.Headers.TraceParent, null, out var caller)
            ? caller.TraceId.ToHexString()
            : ActivityTraceId.CreateRandom().ToHexString();
        http.Items[TraceIdItem] = traceId;
        return traceId;
    }

    private static readonly object TraceIdItem = new();

    public static WebApplicationBuilder AddPeksosObservability(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        // Nothing is collected that nothing exports (docs/decisions.md, "Start-up time and memory"); TraceId then falls back
        // to the caller's traceparent or a new id.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp && !builder.Configuration.GetValue<bool>("Telemetry:Enabled"))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(MessageTracing.SourceName))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("Npgsql"));
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>One line per request: method, route template (never the path's values), status, duration, trace id. No body, no key.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Peksos.Clean.Requests");
        return app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { Length: > 1 } pattern ? pattern.TrimEnd('/') : "(no route)";
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var traceId = TraceId(http);
                    LogRequest(logger, http.Request.Method, route, http.Response.StatusCode, elapsedMs, traceId);
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {Status} in {ElapsedMs:0.0} ms (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs, string traceId);
}
