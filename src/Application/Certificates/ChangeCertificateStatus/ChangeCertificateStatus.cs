using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.ChangeCertificateStatus;

/// <summary>Suspend (reversible), reinstate, or revoke (final) a certificate, with a reason.</summary>
public sealed record ChangeCertificateStatus(string Number, string Action, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<CertificateDto>>
{
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Revoke = "revoke";
}

public sealed class ChangeCertificateStatusHandler(CertificateLookup lookup, ICertificateRepository certificates, TimeProvider clock)
    : ICommandHandler<ChangeCertificateStatus, Result<CertificateDto>>
{
    public async ValueTask<Result<CertificateDto>> Handle(ChangeCertificateStatus command, CancellationToken cancellationToken)
    {
        var reason = Certificate.ParseReason(command.Reason);
        if (reason.IsFailure)
        {
            return reason.Error!.AtField("reason");
        }

        var found = await lookup.LoadForChangeAsync(command.Number, command.ExpectedVersion, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var certificate = found.Value;

        if (Change(certificate, command.Action, reason.Value) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var saved = await certificates.UpdateAsync(certificate, cancellationToken);
        return saved.IsSuccess ? await lookup.ViewAsync(certificate, cancellationToken) : saved.Error!;
    }

    private Result Change(Certificate certificate, string action, Narrative reason) => action switch
    {
        ChangeCertificateStatus.Suspend => certificate.Suspend(reason, clock),
        ChangeCertificateStatus.Reinstate => certificate.Reinstate(reason, clock),
        ChangeCertificateStatus.Revoke => certificate.Revoke(reason, clock),
        _ => throw new ArgumentException($"Unknown action {action}.", nameof(action)),
    };
}
