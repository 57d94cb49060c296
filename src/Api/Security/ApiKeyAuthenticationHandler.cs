using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.ApiKeys;

namespace Peksos.Clean.Api.Security;

/// <summary>
/// <c>X-Api-Key</c> authentication: the key's SHA-256 is compared in constant time with the bootstrap admin key, or
/// looked up among the stored keys (cached per node; a revoked key fails within a second everywhere). 401 and 403
/// answer with problem+json.
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
            return Success(BootstrapKey.Name, Roles.Admin, null, BootstrapKey.KeyId);
        }

        var hex = Convert.ToHexStringLower(hash);
        var store = Context.RequestServices.GetRequiredService<IApiKeyStore>();
        var record = await store.FindByHashAsync(hex, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(record.KeyHash.AsSpan()), MemoryMarshal.AsBytes(hex.AsSpan())))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        return Success(record.Name, record.Role, record.AssessorId, record.Id.ToString());
    }

    private static AuthenticateResult Success(string name, string role, Guid? assessorId, string keyId)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (assessorId is { } assessor)
        {
            claims.Add(new Claim(AssessorClaim, assessor.ToString()));
        }

        claims.Add(new Claim(KeyIdClaim, keyId));

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "auth.unauthenticated", $"Send a valid API key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "auth.forbidden", "Your API key's role may not do this.");

    private Task WriteProblem(int status, string code, string detail) => Http.ProblemResults.WriteAsync(Context, status, code, detail);
}
