using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// The word tables behind "q matches the start of any word" (certificate_words, candidate_words): written with each
/// name, and read as index ranges. A query word matching few rows drives the search from the word index; one matching
/// many is checked row by row in the listing's own order, which then fills a page after a few rows (docs/decisions.md).
/// </summary>
public sealed record SearchWords(string Table, string IdColumn)
{
    public static readonly SearchWords Certificates = new("certificate_words", "certificate_id");

    public static readonly SearchWords Candidates = new("candidate_words", "candidate_id");

    /// <summary>Above this many rows for its first word, a query is checked in the listing's order instead of seeking the word.</summary>
    public const int SeekLimit = 5_000;

    /// <summary>The distinct search words of one name: each is stored once per owner.</summary>
    public static IEnumerable<string> WordsOf(string name) => TextKey.SearchWords(name).Distinct(StringComparer.Ordinal);

    public static IReadOnlyList<object?[]> Rows(Guid id, string name) =>
        WordsOf(name).Select(w => new object?[] { w, id }).ToList();

    /// <summary>Writes the words of one name, replacing the owner's earlier words when <paramref name="replace"/>.</summary>
    public async Task WriteAsync(DbSession session, Guid id, string name, bool replace, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        if (replace)
        {
            await connection.ExecuteAsync(session.Command($"DELETE FROM {Table} WHERE {IdColumn} = @Id", new { Id = id }, cancellationToken));
        }

        await connection.ExecuteAsync(session.Command($"INSERT INTO {Table} (word, {IdColumn}) VALUES (@Word, @Id)",
            WordsOf(name).Select(w => new { Word = w, Id = id }), cancellationToken));
    }

    /// <summary>
    /// The conditions for "every word of <paramref name="q"/> starts a word of the row's name" on <paramref name="owner"/>'s id
    /// column, and whether they seek the word index (then the listing's order is a sort of the matches: <see cref="SortKey"/>).
    /// </summary>
    public async Task<(IReadOnlyList<string> Conditions, bool Seeks)> ConditionsAsync(DbSession session, string q, string owner, DynamicParameters parameters,
        CancellationToken cancellationToken)
    {
        var seeks = false;
        var words = TextKey.SearchWords(q);
        var conditions = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var (from, to) = ($"W{i}From", $"W{i}To");
            parameters.Add(from, words[i]);
            parameters.Add(to, words[i] + char.MaxValue);
            var range = $"word >= @{from} AND word < @{to}";
            if (i == 0 && session.Provider == DatabaseProvider.Postgres)
            {
                // PostgreSQL plans "IN (subquery)" under ORDER BY … LIMIT as a walk of the listing's index, filtered: for a
                // rare word, a walk of the whole index. The ids themselves, a few thousand at most, make it a seek and a sort;
                // reading them up to the limit also tells whether the word is rare.
                var ids = await FirstIdsAsync(session, range, parameters, cancellationToken);
                seeks = ids.Length <= SeekLimit;
                if (seeks)
                {
                    parameters.Add("SeekIds", ids);
                }

                conditions.Add(seeks ? $"{owner} = ANY(@SeekIds)" : Exists(owner, range));
                continue;
            }

            var seek = i == 0 && await CountAsync(session, range, parameters, cancellationToken) <= SeekLimit;
            seeks |= seek;
            conditions.Add(seek ? $"{owner} IN (SELECT {IdColumn} FROM {Table} WHERE {range})" : Exists(owner, range));
        }

        return (conditions.Count == 0 ? ["1 = 0"] : conditions, seeks);
    }

    /// <summary>
    /// A text sort key as written in ORDER BY: when the search seeks, an expression of the same value (<c>key || ''</c>),
    /// so the planner sorts the few matches instead of walking the key's whole index and filtering it, as PostgreSQL did.
    /// </summary>
    public static string SortKey(string key, bool seeks) => seeks ? $"{key} || ''" : key;

    private string Exists(string owner, string range) => $"EXISTS (SELECT 1 FROM {Table} w WHERE w.{IdColumn} = {owner} AND w.{range})";

    private async Task<Guid[]> FirstIdsAsync(DbSession session, string range, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(session.Command($"SELECT {IdColumn} FROM {Table} WHERE {range} LIMIT {SeekLimit + 1}", parameters, cancellationToken)))
            .ToArray();
    }

    private async Task<long> CountAsync(DbSession session, string range, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(session.Command(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {Table} WHERE {range} LIMIT {SeekLimit + 1}) AS firsts", parameters, cancellationToken));
    }

    /// <summary>Once, after migration 0013: the words of the names stored before it.</summary>
    public static void Backfill(DatabaseOptions options)
    {
        using DbConnection connection = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionFactory(options.ConnectionString).ConnectionString)
            : new Npgsql.NpgsqlConnection(options.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (words, source) in new[] { (Certificates, "SELECT id, holder_name FROM certificates"), (Candidates, "SELECT id, full_name FROM candidates") })
        {
            var names = new List<(object Id, string Name)>();
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = source;
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    names.Add((reader.GetValue(0), reader.GetString(1)));
                }
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {words.Table} (word, {words.IdColumn}) VALUES (@word, @id) ON CONFLICT DO NOTHING";
            var word = insert.CreateParameter();
            word.ParameterName = "word";
            var id = insert.CreateParameter();
            id.ParameterName = "id";
            insert.Parameters.Add(word);
            insert.Parameters.Add(id);
            foreach (var (owner, name) in names)
            {
                foreach (var w in WordsOf(name))
                {
                    word.Value = w;
                    id.Value = owner;
                    insert.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }
}
