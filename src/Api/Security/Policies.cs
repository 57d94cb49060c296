using Microsoft.AspNetCore.Authentication;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Api.Security;

/// <summary>The authorization policies every endpoint names; an endpoint that names none is denied by the fallback.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Assessor = "assessor";
    public const string AdminOrConsumer = "admin-or-consumer";
    public const string AdminOrAssessor = "admin-or-assessor";

    public static IServiceCollection AddPeksosSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var key = configuration["Auth:BootstrapAdminKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Auth:BootstrapAdminKey is required in Production (environment variable Auth__BootstrapAdminKey).");
            }

            key = BootstrapKey.DevelopmentDefault;
        }

        services.AddSingleton(new BootstrapKey(key));
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<HttpCurrentActor>());
        services.AddScoped<ISystemActor>(sp => sp.GetRequiredService<HttpCurrentActor>());
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Assessor, p => p.RequireRole(Roles.Assessor).RequireClaim(ApiKeyAuthenticationHandler.AssessorClaim))
            .AddPolicy(AdminOrConsumer, p => p.RequireRole(Roles.Admin, Roles.Consumer))
            .AddPolicy(AdminOrAssessor, p => p.RequireRole(Roles.Admin, Roles.Assessor))
            // An endpoint of ours that names no policy (and is not marked anonymous) is refused to everyone. The framework's
            // own answers — 404 for no route, 405 and 415 — are not route endpoints and pass, so they keep their status.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
                .Build());
        return services;
    }
}
