using System.Security.Cryptography;
using System.Text;
using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys;

/// <summary>
/// API keys are 32 random bytes (base64url, prefixed <c>pk_</c>), shown once at creation. Only their SHA-256 is stored:
/// the keys are high-entropy, so a fast hash is enough and lookups stay cheap.
/// </summary>
public static class ApiKeyHashing
{
    public const string Prefix = "pk_";

    public static string NewKey() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(key, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The key's SHA-256 into <paramref name="destination"/> (32 bytes), without allocating.</summary>
    public static void Hash(string key, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        SHA256.HashData(buffer[..Encoding.UTF8.GetBytes(key, buffer)], destination);
    }
}

public sealed record ApiKeyDto(Guid Id, string Name, string Role, Guid? AssessorId, DateTimeOffset CreatedAt);

/// <summary>The created key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Role, Guid? AssessorId, string Key, DateTimeOffset CreatedAt);

public sealed record CreateApiKey(string? Name, string? Role, Guid? AssessorId) : ICommand<Result<CreatedApiKeyDto>>;

public sealed class CreateApiKeyValidator : IValidator<CreateApiKey>
{
    public IReadOnlyList<Error> Validate(CreateApiKey m)
    {
        var errors = new ErrorCollector();
        errors.Take(Text.Required(m.Name, 100, "api-key.name-invalid"), "name");
        if (!Roles.All.Contains(m.Role ?? string.Empty))
        {
            errors.Add(Error.Validation("role.invalid", $"role must be one of {string.Join(", ", Roles.All)}."), "role");
        }
        else if (m.Role == Roles.Assessor && m.AssessorId is null)
        {
            errors.Add(Error.Validation("api-key.assessor-required", "An assessor key names its assessorId."), "assessorId");
        }
        else if (m.Role != Roles.Assessor && m.AssessorId is not null)
        {
            errors.Add(Error.Validation("api-key.assessor-not-applicable", "Only assessor keys name an assessorId."), "assessorId");
        }

        return errors.Errors;
    }
}

public sealed class CreateApiKeyHandler(IApiKeyStore keys, IAssessorRepository assessors, Events.ChangeTracker tracker, TimeProvider clock) : ICommandHandler<CreateApiKey, Result<CreatedApiKeyDto>>
{
    public async ValueTask<Result<CreatedApiKeyDto>> Handle(CreateApiKey m, CancellationToken cancellationToken)
    {
        if (m.AssessorId is { } assessorId && await assessors.GetAsync(new AssessorId(assessorId), cancellationToken) is null)
        {
            return AssessorErrors.NotFound with { Kind = ErrorKind.Validation, Field = "assessorId" };
        }

        var key = ApiKeyHashing.NewKey();
        var record = new ApiKeyRecord(Guid.CreateVersion7(), m.Name!.Trim(), m.Role!, m.AssessorId, ApiKeyHashing.Hash(key), clock.GetUtcNow(), null);
        await keys.AddAsync(record, cancellationToken);
        tracker.Note(new Events.ApiKeyCreated(record.Id, record.Name, record.Role, record.AssessorId, record.CreatedAt));
        return new CreatedApiKeyDto(record.Id, record.Name, record.Role, record.AssessorId, key, record.CreatedAt);
    }
}

public sealed record RevokeApiKey(Guid Id) : ICommand<Result>;

public sealed class RevokeApiKeyHandler(IApiKeyStore keys, Events.ChangeTracker tracker, TimeProvider clock) : ICommandHandler<RevokeApiKey, Result>
{
    public async ValueTask<Result> Handle(RevokeApiKey m, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await keys.RevokeAsync(m.Id, now, cancellationToken))
        {
            return Error.NotFound("api-key.not-found", "There is no active API key with that id.");
        }

        tracker.Note(new Events.ApiKeyRevoked(m.Id, now));
        return Result.Success();
    }
}
