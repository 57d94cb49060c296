using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Peksos.Clean.Api.Http;

namespace Peksos.Clean.Api.Security;

/// <summary>Marks an endpoint that accepts bodies larger than the default limit (roster import).</summary>
public sealed record LargeBody(long MaxBytes);

/// <summary>
/// Abuse limits: a fixed-window rate limit per API key (<c>RateLimiting:PerKeyPerMinute</c>, default 1,200) and, for
/// callers without a key, per client IP (<c>RateLimiting:AnonymousPerMinute</c>, default 120) — 429 with Retry-After;
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
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var key = http.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString();
                return string.IsNullOrEmpty(key)
                    ? RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => Window(anonymousPerMinute))
                    : RateLimitPartition.GetFixedWindowLimiter($"key:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}", _ => Window(perKeyPerMinute));
            });
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
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            await next(http);
        });
}
