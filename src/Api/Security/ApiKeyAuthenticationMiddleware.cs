using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Peksos.Clean.Api.Security;

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
