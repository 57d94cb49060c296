using System.Security.Cryptography;
using System.Text;

namespace Peksos.Clean.Api.Security;

/// <summary>The bootstrap admin key (<c>Auth:BootstrapAdminKey</c>), held as a hash.</summary>
public sealed class BootstrapKey(string key)
{
    public const string DevelopmentDefault = "peksos-dev-admin-key";

    public byte[] Hash { get; } = SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
