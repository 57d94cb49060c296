using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

/// <summary>
/// Issues the certificate for a K result inside the deciding command's transaction: the next serial for the scheme's
/// prefix and the current year, the holder's name as registered, and the number noted on the exam participant.
/// </summary>
public sealed class CertificateIssuer(ICandidateRepository candidates, ICertificateRepository certificates, ICertificateSigner signer, TimeProvider clock)
{
    /// <param name="result"></param>

    /// <param name="exam"></param>
    /// <param name="cancellationToken"></param>    /// <param name="known">The holder's eligibility facts when the command has just loaded them (the decision), so they are not read twice.</param>
    public async Task<Result<CertificateNumber>> IssueAsync(CompetentResult result, CompetencyExam exam, EligibilityContext? known, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(result.SchemeCode).Value;
        var candidate = known?.Candidate ?? await candidates.GetAsync(result.CandidateId, cancellationToken);
        if (candidate is null)
        {
            return CandidateErrors.NotFound;
        }

        var today = clock.Today();
        var holds = known?.Holds(scheme.Code) ?? await certificates.HoldsCertificateAsync(candidate.Id, scheme.Code, today, cancellationToken);
        var serial = await certificates.NextSerialAsync(scheme.CertificatePrefix, today.Year, cancellationToken);
        var number = CertificateNumber.Create(scheme.CertificatePrefix, today.Year, serial);
        var certificate = Certificate.Issue(result, scheme, number, candidate.Profile.FullName.Value, holds, clock);
        if (certificate.IsFailure)
        {
            return certificate.Error!;
        }

        certificate.Value.AttachSignedToken(signer.Sign(certificate.Value, scheme.Name));
        var saved = await certificates.AddAsync(certificate.Value, candidate.Profile.Employment.Region.Value, cancellationToken);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        exam.RecordCertificate(result.ParticipantId, number);
        return number;
    }

    /// <summary>Issues a certificate for each K result, in order, with the holders' facts the decision loaded; the first failure stops the command.</summary>
    public async Task<Result> IssueAllAsync(IReadOnlyList<CompetentResult> results, CompetencyExam exam, IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext> facts,
        CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            if (await IssueAsync(result, exam, facts.GetValueOrDefault(result.CandidateId), cancellationToken) is { IsFailure: true } notIssued)
            {
                return notIssued.Error!;
            }
        }

        return Result.Success();
    }
}
