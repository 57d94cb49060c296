using System.Data.Common;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Creates (unopened) connections to the configured database. One per process; never caches an open connection.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    /// <summary>Opens a new connection, configured for this system (SQLite pragmas).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
