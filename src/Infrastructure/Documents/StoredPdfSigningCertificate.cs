using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Security;

namespace Peksos.Clean.Infrastructure.Documents;

/// <summary>
/// The self-signed PDF signing certificate used when <c>Certificates:PdfSigningCertificate</c> is not configured: the
/// first node to need one makes it and stores it encrypted; every node and restart then loads the same one.
/// </summary>
public static class StoredPdfSigningCertificate
{
    /// <summary>The advisory lock key that serialises making the first one ("PDFCERT" as a number).</summary>
    private const long FirstCertificateLock = 0x50444643455254;

    public static X509Certificate2 LoadOrCreate(IDbConnectionFactory factory, SecretBox secrets, TimeProvider clock, string issuer)
    {
        using var connection = factory.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var transaction = connection.BeginTransaction();
        if (factory.Provider == DatabaseProvider.Postgres)
        {
            connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = FirstCertificateLock }, transaction);
        }

        var stored = connection.ExecuteScalar<string?>("SELECT pkcs12 FROM pdf_signing_certificates WHERE issuer = @Issuer", new { Issuer = issuer }, transaction);
        byte[] pkcs12;
        if (stored is null)
        {
            using var created = CertificatePdf.SelfSigned(issuer);
            pkcs12 = created.Export(X509ContentType.Pkcs12);
            connection.Execute("INSERT INTO pdf_signing_certificates (issuer, created_at, pkcs12) VALUES (@Issuer, @CreatedAt, @Pkcs12)",
                new { Issuer = issuer, CreatedAt = clock.GetUtcNow(), Pkcs12 = secrets.Protect(pkcs12) }, transaction);
        }
        else
        {
            pkcs12 = secrets.Unprotect(stored);
        }

        transaction.Commit();
        try
        {
            return X509CertificateLoader.LoadPkcs12(pkcs12, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs12);
        }
    }
}
