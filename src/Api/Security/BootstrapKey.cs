using System.Security.Cryptography;
using System.Text;

namespace Peksos.Clean.Api.Security;

/// <summary>The bootstrap admin key (<c>Auth:BootstrapAdminKey</c>), held as a hash.</summary>
public sealed class BootstrapKey(string key)
{
    public const string DevelopmentDefault = "peksos-dev-admin-key";

    /// <summary>How the configured key appears as an actor: its key id and name (no stored key may take the name).</summary>
    public const string KeyId = "bootstrap";
    public const string Name = Application.ApiKeys.ApiKeyNames.Bootstrap;

    public byte[] Hash { get; } = SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
