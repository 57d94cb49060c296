using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

/// <summary>
/// Issues the certificate for a K result inside the deciding command's transaction: the next serial for the scheme's
/// prefix and the current year, the holder's name as registered, and the number noted on the exam participant. A
/// renewal's K supersedes the certificate it renews, in the same transaction.
/// </summary>
public sealed class CertificateIssuer(PortfolioContext facts, IPortfolioRepository portfolios, ICertificateRepository certificates, ICertificateSigner signer,
    ISchemeCatalog schemes, TimeProvider clock)
{
    /// <param name="result">The K result.</param>
    /// <param name="exam">The exam that noted it; it records the number.</param>
    /// <param name="known">The holder's eligibility facts when the command has just loaded them (the decision), so they are not read twice.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<Result<CertificateNumber>> IssueAsync(CompetentResult result, CompetencyExam exam, EligibilityContext? known, CancellationToken cancellationToken)
    {
        var eligibility = known is not null ? known : await FactsAsync(result, cancellationToken);
        if (eligibility.IsFailure)
        {
            return eligibility.Error!;
        }

        var scheme = schemes.Pinned(result.SchemeCode, result.SchemeVersion);
        var holder = eligibility.Value.Candidate;
        var today = clock.Today();
        var serial = await certificates.NextSerialAsync(scheme.CertificatePrefix, today.Year, cancellationToken);
        var number = CertificateNumber.Create(scheme.CertificatePrefix, today.Year, serial);
        var renewed = await SupersedeAsync(eligibility.Value.Renewing, number, cancellationToken);
        if (renewed.IsFailure)
        {
            return renewed.Error!;
        }

        var holds = renewed.Value is null && eligibility.Value.Holds(scheme.Code);
        var certificate = Certificate.Issue(result, scheme, number, holder.Profile.FullName.Value, holds, clock, renewed.Value);
        if (certificate.IsFailure)
        {
            return certificate.Error!;
        }

        await certificates.DrawStatusListPlaceAsync(certificate.Value, cancellationToken);
        certificate.Value.AttachSignedToken(signer.Sign(certificate.Value));
        var saved = await certificates.AddAsync(certificate.Value, holder.Profile.Employment.Region.Value, cancellationToken);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        exam.RecordCertificate(result.ParticipantId, number);
        return number;
    }

    /// <summary>Issues a certificate for each K result, in order, with the holders' facts the decision loaded; the first failure stops the command.</summary>
    public async Task<Result> IssueAllAsync(IReadOnlyList<CompetentResult> results, CompetencyExam exam, IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext> known,
        CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            if (await IssueAsync(result, exam, known.GetValueOrDefault(result.CandidateId), cancellationToken) is { IsFailure: true } notIssued)
            {
                return notIssued.Error!;
            }
        }

        return Result.Success();
    }

    private async Task<Result<EligibilityContext>> FactsAsync(CompetentResult result, CancellationToken cancellationToken)
    {
        var portfolio = await portfolios.GetAsync(result.PortfolioId, cancellationToken) ?? throw new InvalidOperationException("A result's portfolio is missing.");
        return await facts.EligibilityAsync(portfolio, cancellationToken);
    }

    /// <summary>For a renewal, marks the renewed certificate superseded by <paramref name="successor"/> and answers its number; null otherwise.</summary>
    private async Task<Result<CertificateNumber?>> SupersedeAsync(RenewedCertificate? renewing, CertificateNumber successor, CancellationToken cancellationToken)
    {
        if (renewing is null)
        {
            return Result<CertificateNumber?>.Success(null);
        }

        var renewed = await certificates.GetAsync(renewing.Number, cancellationToken) ?? throw new InvalidOperationException("A renewal's certificate is missing.");
        if (renewed.Supersede(successor, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var saved = await certificates.UpdateAsync(renewed, cancellationToken);
        return saved.IsSuccess ? renewed.Number : saved.Error!;
    }
}
