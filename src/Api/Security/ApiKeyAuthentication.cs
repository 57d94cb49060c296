using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.ApiKeys;
using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Api.Security;

/// <summary>The bootstrap admin key (<c>Auth:BootstrapAdminKey</c>), held as a hash.</summary>
public sealed class BootstrapKey(string key)
{
    public const string DevelopmentDefault = "peksos-dev-admin-key";

    public byte[] Hash { get; } = SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>
/// <c>X-Api-Key</c> authentication: the key's SHA-256 is compared in constant time with the bootstrap admin key, or
/// looked up among the stored keys; a revoked key fails at once (no caching). 401 and 403 answer with problem+json.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BootstrapKey bootstrap)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string AssessorClaim = "assessor_id";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        ApiKeyHashing.Hash(key, hash);
        if (CryptographicOperations.FixedTimeEquals(hash, bootstrap.Hash))
        {
            return Success("bootstrap-admin", Roles.Admin, null, null);
        }

        var hex = Convert.ToHexStringLower(hash);
        var store = Context.RequestServices.GetRequiredService<IApiKeyStore>();
        var record = await store.FindByHashAsync(hex, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(record.KeyHash.AsSpan()), MemoryMarshal.AsBytes(hex.AsSpan())))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        return Success(record.Name, record.Role, record.AssessorId, record.Id);
    }

    private static AuthenticateResult Success(string name, string role, Guid? assessorId, Guid? keyId)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (assessorId is { } assessor)
        {
            claims.Add(new Claim(AssessorClaim, assessor.ToString()));
        }

        if (keyId is { } id)
        {
            claims.Add(new Claim(KeyIdClaim, id.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "auth.unauthenticated", $"Send a valid API key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "auth.forbidden", "Your API key's role may not do this.");

    private Task WriteProblem(int status, string code, string detail) => Http.ProblemResults.WriteAsync(Context, status, code, detail);
}

/// <summary>Runs the API-key handler only for requests carrying <c>X-Api-Key</c>; the rest are anonymous at once (docs/decisions.md, "Hot reads").</summary>
public static class ApiKeyAuthenticationMiddleware
{
    // WebApplication adds UseAuthentication() at the start of the pipeline by itself unless this marker is set (the
    // marker UseAuthentication() sets). Should the marker's name change, the framework's middleware would run first
    // as well: slower, never less safe.
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app.Use(static async (http, next) =>
        {
            if (http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
            {
                var result = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
                if (result.Principal is not null)
                {
                    http.User = result.Principal;
                }

                if (result.Succeeded)
                {
                    var feature = new AuthenticatedFeature(result);
                    http.Features.Set<Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature>(feature);
                    http.Features.Set<IAuthenticateResultFeature>(feature);
                }
            }

            await next(http);
        });
    }

    private sealed class AuthenticatedFeature(AuthenticateResult result)
        : IAuthenticateResultFeature, Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;

        public ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, ApiKeyAuthenticationHandler.SchemeName));
        }
    }
}

/// <summary>
/// The caller: the authenticated API key of the request, or — for operator commands run from the command line
/// (<c>seed-demo</c>) — the actor set on this scope.
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private (string Name, string Role, AssessorId? AssessorId)? _override;

    /// <summary>Acts as someone else for the rest of this scope (command-line operations only).</summary>
    public void ActAs(string name, string role, AssessorId? assessorId = null) => _override = (name, role, assessorId);

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Name => _override?.Name ?? (User.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "unknown" : "anonymous");

    public string Role => _override?.Role ?? User.FindFirstValue(ClaimTypes.Role) ?? "anonymous";

    public AssessorId? AssessorId => _override is { } acting
        ? acting.AssessorId
        : Guid.TryParse(User.FindFirstValue(ApiKeyAuthenticationHandler.AssessorClaim), out var id) ? new AssessorId(id) : null;
}

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
