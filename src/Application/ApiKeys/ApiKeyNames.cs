using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys;

/// <summary>Names of API keys: unique among active keys, and never that of the configured bootstrap key.</summary>
public static class ApiKeyNames
{
    public const string Bootstrap = "bootstrap-admin";

    public const int MaxLength = 100;

    public static readonly Error Taken = Error.Conflict("api-key.name-taken", "An active API key already has this name; names tell keys apart in the audit trail.");
}
