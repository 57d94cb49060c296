using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Infrastructure.Persistence.Certificates;

/// <summary>
/// <see cref="CertificateStatus.On"/> as SQL over the <c>certificates</c> columns <c>status</c> and <c>valid_until</c>,
/// with the day as <c>@Today</c>: the one place every query that filters or counts by status takes it from.
/// </summary>
public static class CertificateStatusSql
{
    /// <summary>Valid on <c>@Today</c>: active and not expired.</summary>
    public const string Valid = "status = 'active' AND valid_until >= @Today";

    /// <summary>Holding the certificate on <c>@Today</c>: active or suspended, not expired (it blocks a second one).</summary>
    public const string Held = "status IN ('active', 'suspended') AND valid_until >= @Today";

    /// <summary>The condition for "the status on <c>@Today</c> is <paramref name="status"/>".</summary>
    public static string Is(CertificateStatus status) => status.Code switch
    {
        "revoked" => "status = 'revoked'",
        "superseded" => "status = 'superseded'",
        "expired" => "status IN ('active', 'suspended') AND valid_until < @Today",
        "active" => Valid,
        "suspended" => "status = 'suspended' AND valid_until >= @Today",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status.Code, "A status with no SQL condition."),
    };

    /// <summary>A stored status read back (never <c>expired</c>).</summary>
    public static CertificateStatus Read(string stored) => stored switch
    {
        "active" => CertificateStatus.Active,
        "suspended" => CertificateStatus.Suspended,
        "revoked" => CertificateStatus.Revoked,
        "superseded" => CertificateStatus.Superseded,
        _ => Stored.Value(CertificateStatus.FromCode(stored)),
    };
}
