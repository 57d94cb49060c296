using Dapper;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Infrastructure.Persistence.Certificates;

public sealed class ExpiryReminderStore(DbSession session) : IExpiryReminders
{
    public async Task<IReadOnlyList<ExpiringCertificate>> DueAsync(DateOnly from, DateOnly to, int daysBefore, int take, CancellationToken cancellationToken)
    {
        if (take <= 0)
        {
            return [];
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(
            """
            SELECT c.id, c.number, c.valid_until FROM certificates c
            WHERE c.valid_until BETWEEN @From AND @To AND c.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM certificate_reminders r WHERE r.certificate_id = c.id AND r.days_before = @Days)
            ORDER BY c.valid_until, c.id LIMIT @Take
            """, new { From = from, To = to, Days = daysBefore, Take = take }, cancellationToken));
        return rows.Select(r => new ExpiringCertificate(new CertificateId(r.Id), CertificateNumber.Parse(r.Number).Value, r.ValidUntil)).ToList();
    }

    public async Task<bool> MarkAsync(CertificateId id, int daysBefore, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            "INSERT INTO certificate_reminders (certificate_id, days_before, raised_at) VALUES (@Id, @Days, @At) ON CONFLICT DO NOTHING",
            new { Id = id.Value, Days = daysBefore, At = at }, cancellationToken)) == 1;
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Number { get; set; } = "";
        public DateOnly ValidUntil { get; set; }
    }
}
