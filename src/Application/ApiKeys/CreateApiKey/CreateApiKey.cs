using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys.CreateApiKey;

/// <summary>An admin creates an API key for a role; the key is shown once.</summary>
public sealed record CreateApiKey(string? Name, string? Role, Guid? AssessorId) : ICommand<Result<CreatedApiKeyDto>>;

public sealed class CreateApiKeyValidator : IValidator<CreateApiKey>
{
    public IReadOnlyList<Error> Validate(CreateApiKey m)
    {
        var errors = new ErrorCollector();
        errors.Take(Text.Required(m.Name, ApiKeyNames.MaxLength, "api-key.name-invalid"), "name");
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

public sealed class CreateApiKeyHandler(IApiKeyStore keys, IAssessorRepository assessors, ChangeTracker tracker, TimeProvider clock) : ICommandHandler<CreateApiKey, Result<CreatedApiKeyDto>>
{
    public async ValueTask<Result<CreatedApiKeyDto>> Handle(CreateApiKey m, CancellationToken cancellationToken)
    {
        if (m.AssessorId is { } assessorId && await assessors.GetAsync(new AssessorId(assessorId), cancellationToken) is null)
        {
            return AssessorErrors.NotFound with { Kind = ErrorKind.Rule };
        }

        var name = m.Name!.Trim();
        if (string.Equals(name, ApiKeyNames.Bootstrap, StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyNames.Taken;
        }

        var key = ApiKeyHashing.NewKey();
        var record = new ApiKeyRecord(Guid.CreateVersion7(), name, m.Role!, m.AssessorId, ApiKeyHashing.Hash(key), clock.GetUtcNow(), null);
        if (await keys.AddAsync(record, cancellationToken) is { IsFailure: true } taken)
        {
            return taken.Error!;
        }

        tracker.Note(new ApiKeyCreated(record.Id, record.Name, record.Role, record.AssessorId, record.CreatedAt));
        return new CreatedApiKeyDto(record.Id, record.Name, record.Role, record.AssessorId, key, record.CreatedAt);
    }
}
