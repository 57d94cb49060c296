using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates;

public static class CertificateErrors
{
    public static readonly Error NotFound = Error.NotFound("certificate.not-found", "There is no certificate with that number.");
}
