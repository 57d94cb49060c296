using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Peksos.Clean.Api.Security;

/// <summary>
/// Client addresses behind known reverse proxies (<c>ForwardedHeaders:KnownProxies</c>, comma-separated IPs), so rate
/// limits count per real client; browser origins allowed to call the API (<c>Cors:AllowedOrigins</c>, comma-separated).
/// </summary>
public static class ProxiesAndOrigins
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddPeksosProxiesAndOrigins(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in List(configuration["ForwardedHeaders:KnownProxies"]))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        var origins = List(configuration["Cors:AllowedOrigins"]);
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("X-Api-Key", "Content-Type", "If-Match", "Idempotency-Key")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed")));
        return services;
    }

    public static string[] List(string? commaSeparated) =>
        (commaSeparated ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
