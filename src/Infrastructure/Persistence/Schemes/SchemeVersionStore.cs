using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Peksos.Clean.Application.Schemes;

namespace Peksos.Clean.Infrastructure.Persistence.Schemes;

/// <summary>Writes scheme versions in the command's transaction; the catalog of this node sees them once committed.</summary>
public sealed class SchemeVersionStore(DbSession session, ISchemeCatalog catalog) : ISchemeVersionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task<int> LatestVersionAsync(string code, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(session.Command(
            "SELECT MAX(version) FROM scheme_versions WHERE scheme_code = @Code", new { Code = code }, cancellationToken)) ?? 0;
    }

    public async Task<bool> PrefixTakenAsync(string prefix, string code, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM scheme_versions WHERE certificate_prefix = @Prefix AND scheme_code <> @Code", new { Prefix = prefix, Code = code }, cancellationToken)) > 0;
    }

    public async Task<string?> PrefixOfAsync(string code, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(session.Command(
            "SELECT certificate_prefix FROM scheme_versions WHERE scheme_code = @Code ORDER BY version DESC LIMIT 1", new { Code = code }, cancellationToken));
    }

    public async Task<Domain.Common.Result> AddAsync(Guid id, SchemeVersionEntry entry, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO scheme_versions (id, scheme_code, version, certificate_prefix, effective_from, published_at, definition)
                VALUES (@Id, @Code, @Version, @Prefix, @EffectiveFrom, @PublishedAt, @Definition)
                """,
                new
                {
                    Id = id,
                    entry.Scheme.Code,
                    entry.Scheme.Version,
                    Prefix = entry.Scheme.CertificatePrefix,
                    entry.Scheme.EffectiveFrom,
                    entry.PublishedAt,
                    Definition = JsonSerializer.Serialize(entry.Definition, Json),
                }, cancellationToken));
        }
        catch (System.Data.Common.DbException ex) when (UniqueViolation.Is(ex))
        {
            return Domain.Common.Error.Conflict("scheme.version-conflict", "Another version of this scheme was published at the same moment; read it and try again.");
        }

        session.AfterCommit(() =>
        {
            catalog.Published(entry);
            return Task.CompletedTask;
        });
        return Domain.Common.Result.Success();
    }
}

public static class SchemeRegistration
{
    /// <summary>The rule types (built in, plus any the host adds to the registry before start), the parser and the catalog.</summary>
    public static IServiceCollection AddSchemeCatalog(this IServiceCollection services)
    {
        // The built-in rule types and every RuleType the host registers (services.AddSingleton(myRuleType)).
        services.AddSingleton(sp => sp.GetServices<Domain.Schemes.RuleType>().Aggregate(Domain.Schemes.RuleTypeRegistry.BuiltIn(), (registry, type) => registry.Add(type)));
        services.AddSingleton<SchemeParser>();
        services.AddSingleton<SchemeCatalogStore>();
        services.AddSingleton<ISchemeCatalog>(sp => sp.GetRequiredService<SchemeCatalogStore>());
        services.AddScoped<ISchemeVersionStore, SchemeVersionStore>();
        services.AddHostedService<SchemeCatalogRefresh>();
        return services;
    }
}
