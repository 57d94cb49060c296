using Microsoft.Extensions.Diagnostics.HealthChecks;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Infrastructure.Health;

/// <summary>Ready when the database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{factory.Provider} answers.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{factory.Provider} does not answer.");
        }
    }
}
