namespace Peksos.Clean.Application.Certificates;

/// <summary>Options for certificates: the issuer named on them and on verification answers.</summary>
public sealed record CertificationOptions(string IssuerName)
{
    public static CertificationOptions Default { get; } = new("LSP Pekerja Sosial Indonesia");
}
