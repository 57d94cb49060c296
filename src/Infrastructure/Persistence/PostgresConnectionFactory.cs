using System.Data.Common;
using Npgsql;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresConnectionFactory(NpgsqlDataSource dataSource) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
