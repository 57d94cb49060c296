using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Schemes;

/// <summary>A published scheme version: the built scheme, its definition as stored, and when it was published.</summary>
public sealed record SchemeVersionEntry(CertificationScheme Scheme, SchemeInput Definition, DateTimeOffset PublishedAt);

/// <summary>
/// The published scheme versions, held in memory (they never change once published): reading one costs no query. A
/// version published on another node is seen within a second.
/// </summary>
public interface ISchemeCatalog
{
    /// <summary>Every version of every scheme, oldest first per scheme.</summary>
    IReadOnlyList<SchemeVersionEntry> All { get; }

    /// <summary>A scheme's versions, oldest first (empty for an unknown code).</summary>
    IReadOnlyList<SchemeVersionEntry> Versions(string? code);

    /// <summary>Adds a version this node has just committed, so it is seen here at once.</summary>
    void Published(SchemeVersionEntry entry);
}

/// <summary>Writes a new scheme version inside the command's transaction.</summary>
public interface ISchemeVersionStore
{
    /// <summary>The scheme's latest version number (0 when there is no such scheme), read inside the transaction.</summary>
    Task<int> LatestVersionAsync(string code, CancellationToken cancellationToken);

    /// <summary>Whether another scheme already numbers its certificates with <paramref name="prefix"/>.</summary>
    Task<bool> PrefixTakenAsync(string prefix, string code, CancellationToken cancellationToken);

    /// <summary>The prefix the scheme's versions number their certificates with.</summary>
    Task<string?> PrefixOfAsync(string code, CancellationToken cancellationToken);

    /// <summary>Stores the version (seen by this node once committed); a concurrent publisher of the same number gets 409 <c>scheme.version-conflict</c>.</summary>
    Task<Result> AddAsync(Guid id, SchemeVersionEntry entry, CancellationToken cancellationToken);
}

public static class SchemeCatalogExtensions
{
    public static Error NotFound => Error.NotFound("scheme.not-found", "There is no certification scheme with that code.");

    /// <summary>The version of each scheme in force at <paramref name="at"/> (the latest whose <c>effectiveFrom</c> has come).</summary>
    public static IReadOnlyList<SchemeVersionEntry> Current(this ISchemeCatalog catalog, DateTimeOffset at) =>
        catalog.All.GroupBy(e => e.Scheme.Code, StringComparer.Ordinal)
            .Select(g => g.LastOrDefault(e => e.Scheme.EffectiveFrom <= at) ?? g.First())
            .ToList();

    public static SchemeVersionEntry? Current(this ISchemeCatalog catalog, string? code, DateTimeOffset at)
    {
        var versions = catalog.Versions(code);
        return versions.Count == 0 ? null : versions.LastOrDefault(e => e.Scheme.EffectiveFrom <= at) ?? versions[0];
    }

    public static SchemeVersionEntry? Find(this ISchemeCatalog catalog, string? code, int version) =>
        catalog.Versions(code) is { } versions && version >= 1 && version <= versions.Count ? versions[version - 1] : null;

    /// <summary>A version a stored record is pinned to: it exists, or the data is broken.</summary>
    public static CertificationScheme Pinned(this ISchemeCatalog catalog, string code, int version) =>
        catalog.Find(code, version)?.Scheme ?? throw new InvalidOperationException($"Scheme {code} has no version {version}.");

    /// <summary>The current version of the scheme a request's <c>schemeCode</c> names: 400 <c>scheme.invalid</c> when there is none.</summary>
    public static Result<CertificationScheme> CurrentOrInvalid(this ISchemeCatalog catalog, string? code, DateTimeOffset at) =>
        catalog.Current(code, at)?.Scheme is { } scheme
            ? scheme
            : Error.Validation("scheme.invalid", $"schemeCode must be one of {string.Join(", ", catalog.Current(at).Select(e => e.Scheme.Code))}.");

    /// <summary>The scheme's name now (for certificates and the register).</summary>
    public static string NameOf(this ISchemeCatalog catalog, string code, DateTimeOffset at) => catalog.Current(code, at)?.Scheme.Name ?? code;
}
