using Mediator;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetCertificatePdf;

/// <summary>The certificate as a signed A4 PDF in Indonesian, with the QR code of its verification page.</summary>
public sealed record GetCertificatePdf(string? Number, string BaseUrl) : IQuery<Result<byte[]>>;

public sealed class GetCertificatePdfHandler(CertificateLookup lookup, IExamRepository exams, ISchemeCatalog schemes, ICertificateDocument document,
    CertificationOptions options, TimeProvider clock) : IQueryHandler<GetCertificatePdf, Result<byte[]>>
{
    public async ValueTask<Result<byte[]>> Handle(GetCertificatePdf query, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(query.Number, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var c = found.Value;
        var decree = (await exams.GetAsync(c.ExamId, cancellationToken))?.Decision?.DecreeNumber ?? "";
        var scheme = schemes.Current(c.SchemeCode, clock.GetUtcNow())!.Scheme;
        var url = $"{query.BaseUrl}/verify/{Uri.EscapeDataString(c.Number.Value)}?t={Uri.EscapeDataString(c.SignedToken ?? "")}";
        return await document.RenderAsync(
            new CertificateDocumentModel(c.Number.Value, c.HolderName, scheme.Name, scheme.Level, c.IssuedOn, c.ValidUntil, decree, options.IssuerName, url),
            cancellationToken);
    }
}
