using System.Globalization;
using System.Threading.RateLimiting;
using Peksos.Clean.Api.Http;

namespace Peksos.Clean.Api.Security;

/// <summary>Marks an endpoint that accepts bodies larger than the default limit (roster import).</summary>
public sealed record LargeBody(long MaxBytes);

/// <summary>
/// Abuse limits: a fixed-window rate limit per API key (<c>RateLimiting:PerKeyPerMinute</c>, default 1,200) and, for
/// callers without a valid key, per client IP (<c>RateLimiting:AnonymousPerMinute</c>, default 120) — 429 with Retry-After;
/// and a request body limit (<c>Limits:MaxBodyBytes</c>, default 1 MB) — 413.
/// </summary>
public static class AbuseLimits
{
    public static IServiceCollection AddPeksosAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymousPerMinute = configuration.GetValue("RateLimiting:AnonymousPerMinute", 120);
        var perKeyPerMinute = configuration.GetValue("RateLimiting:PerKeyPerMinute", 1_200);
        services.AddRateLimiter(options =>
        {
            // Per key for a valid key, per client IP otherwise (an invented key buys no allowance); the partition is a small struct.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RatePartition>(http =>
                http.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        new RatePartition(http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? http.User.Identity.Name, null),
                        _ => Window(perKeyPerMinute))
                    : RateLimitPartition.GetFixedWindowLimiter(new RatePartition(null, http.Connection.RemoteIpAddress), _ => Window(anonymousPerMinute)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResults.WriteAsync(http, StatusCodes.Status429TooManyRequests, "rate-limit.exceeded", $"Too many requests; retry after {retryAfter} seconds.");
            };
        });
        return services;
    }

    /// <summary>Whose allowance a request draws on: an authenticated key, or else a client address.</summary>
    private readonly record struct RatePartition(string? Key, System.Net.IPAddress? Address);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// Refuses a body whose declared length is over the limit (413) before anything reads it; bodies without a declared
    /// length are cut by the server's own limit, set to the same value.
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (http, next) =>
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<LargeBody>()?.MaxBytes ?? maxBytes;
            if (http.Request.ContentLength > limit)
            {
                await ProblemResults.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "request.too-large", $"The request body is larger than {limit:N0} bytes.");
                return;
            }

            await next(http);
        });

    /// <summary>Headers for every response: no MIME sniffing, no referrer leaking a certificate number.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            // Added as the response starts, so answers written by the exception handler (which clears headers) have them too.
            http.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, http.Response);
            await next(http);
        });
}
