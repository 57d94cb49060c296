using System.Security.Claims;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Assessors;

namespace Peksos.Clean.Api.Security;

/// <summary>
/// The caller: the authenticated API key of the request, or — for operator commands run from the command line
/// (<c>seed-demo</c>) — the actor set on this scope.
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor, ISystemActor
{
    public const string OperatorKeyId = "operator";

    private (string Name, string Role, AssessorId? AssessorId)? _override;

    /// <summary>Acts as someone else for the rest of this scope (command-line operations only; the key id is <c>operator</c>).</summary>
    public void ActAs(string name, string role, AssessorId? assessorId = null) => _override = (name, role, assessorId);

    public void ActAsSystem(string name) => ActAs(name, ISystemActor.Role);

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string KeyId => _override is not null ? OperatorKeyId : User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "anonymous";

    public string Name => _override?.Name ?? (User.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "unknown" : "anonymous");

    public string Role => _override?.Role ?? User.FindFirstValue(ClaimTypes.Role) ?? "anonymous";

    public AssessorId? AssessorId => _override is { } acting
        ? acting.AssessorId
        : Guid.TryParse(User.FindFirstValue(ApiKeyAuthenticationHandler.AssessorClaim), out var id) ? new AssessorId(id) : null;
}
