using Mediator;

namespace Peksos.Clean.Application.Reports.ExportCertificates;

/// <summary>Every certificate for the CSV export (admins and consumers), streamed.</summary>
public sealed record ExportCertificates : IStreamQuery<CertificateExportRow>;

public sealed class ExportCertificatesHandler(ICertificateExport export) : IStreamQueryHandler<ExportCertificates, CertificateExportRow>
{
    public IAsyncEnumerable<CertificateExportRow> Handle(ExportCertificates query, CancellationToken cancellationToken) => export.ReadAllAsync(cancellationToken);
}
