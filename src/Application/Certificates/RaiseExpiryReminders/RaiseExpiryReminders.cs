using Mediator;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.RaiseExpiryReminders;

/// <summary>
/// The daily job: raises <c>certificate.expiring</c> for each active certificate 90 and 30 days before the end of its
/// validity (LSP calendar), once each. A certificate first seen inside 30 days gets only the 30-day reminder.
/// </summary>
public sealed record RaiseExpiryReminders : ICommand<Result<int>>;

public sealed class RaiseExpiryRemindersHandler(IExpiryReminders reminders, ChangeTracker tracker, TimeProvider clock) : ICommandHandler<RaiseExpiryReminders, Result<int>>
{
    /// <summary>Reminders raised per run at most; the next run raises the rest.</summary>
    public const int BatchSize = 1_000;

    public async ValueTask<Result<int>> Handle(RaiseExpiryReminders m, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var raised = 0;
        foreach (var certificate in await reminders.DueAsync(today, today.AddDays(30), 30, BatchSize, cancellationToken))
        {
            raised += await RaiseAsync(certificate, 30, now, cancellationToken);
            await reminders.MarkAsync(certificate.Id, 90, now, cancellationToken);
        }

        foreach (var certificate in await reminders.DueAsync(today.AddDays(31), today.AddDays(90), 90, BatchSize - raised, cancellationToken))
        {
            raised += await RaiseAsync(certificate, 90, now, cancellationToken);
        }

        return raised;
    }

    private async Task<int> RaiseAsync(ExpiringCertificate certificate, int daysBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await reminders.MarkAsync(certificate.Id, daysBefore, now, cancellationToken))
        {
            return 0;
        }

        tracker.Note(new CertificateExpiring(certificate.Id, certificate.Number, certificate.ValidUntil, daysBefore, now));
        return 1;
    }
}
