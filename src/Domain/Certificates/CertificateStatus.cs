using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Certificates;

/// <summary>
/// Stored status: <c>active</c>, <c>suspended</c> (reversible), <c>revoked</c> (final), <c>superseded</c> (renewed by a
/// newer certificate; final). <c>expired</c> is never stored:
/// it is derived from the date (<see cref="Certificate.StatusOn"/>).
/// </summary>
public sealed record CertificateStatus : ICoded
{
    private CertificateStatus(string code) => Code = code;

    public string Code { get; }

    public static readonly CertificateStatus Active = new("active");
    public static readonly CertificateStatus Suspended = new("suspended");
    public static readonly CertificateStatus Revoked = new("revoked");
    public static readonly CertificateStatus Superseded = new("superseded");
    public static readonly CertificateStatus Expired = new("expired");

    public static IReadOnlyList<CertificateStatus> All { get; } = [Active, Suspended, Revoked, Superseded, Expired];

    /// <summary>Revoked and superseded are final: nothing changes such a certificate any more.</summary>
    public bool IsFinal => this == Revoked || this == Superseded;

    public static Result<CertificateStatus> FromCode(string? code) => CodeList.Parse(All, code, "certificate-status.invalid", "A certificate status");

    /// <summary>
    /// The status a person sees on <paramref name="today"/>, from the stored one: a final status (revoked, superseded)
    /// beats everything, past validity is expired. The one place this is decided; SQL filters mirror it in <c>CertificateStatusSql</c>.
    /// </summary>
    public static CertificateStatus On(CertificateStatus stored, DateOnly validUntil, DateOnly today) =>
        stored.IsFinal ? stored
        : today > validUntil ? Expired
        : stored;

    /// <summary>Only an active, unexpired certificate is valid.</summary>
    public bool IsValid => this == Active;

    public override string ToString() => Code;
}
