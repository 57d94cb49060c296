using System.Buffers.Text;
using System.Text;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Common;

/// <summary>
/// A validated page request: <c>limit</c> 1–200 (default 50) and an opaque keyset cursor made of the last row's sort
/// key and id. Cursors are base64url text; anything else is a 400 <c>cursor.invalid</c>, never a 500.
/// </summary>
public sealed record PageRequest(int Limit, string? AfterKey, Guid? AfterId)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The error for a cursor this API did not issue (<c>cursor.invalid</c>).</summary>
    public static readonly Error ForeignCursor = Error.Validation("cursor.invalid", "The cursor is not one this API issued; start again without it.");

    /// <summary>Adds <c>limit.invalid</c> (field <c>limit</c>) unless the limit is absent or 1–<see cref="MaxLimit"/>.</summary>
    public static void CheckLimit(int? limit, ErrorCollector errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(Error.Validation("limit.invalid", $"limit is 1–{MaxLimit}."), "limit");
        }
    }

    public static Result<PageRequest> Create(int? limit, string? cursor)
    {
        var errors = new ErrorCollector();
        CheckLimit(limit, errors);

        string? key = null;
        Guid? id = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!TryDecode(cursor, out key, out var parsedId))
            {
                errors.Add(ForeignCursor, "cursor");
            }
            else
            {
                id = parsedId;
            }
        }

        return errors.HasErrors ? errors.ToError() : new PageRequest(limit ?? DefaultLimit, key, id);
    }

    public static string Encode(string key, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{key}\n{id:N}"));

    private static bool TryDecode(string cursor, out string? key, out Guid id)
    {
        key = null;
        id = Guid.Empty;
        if (cursor.Length > 1_000)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var separator = text.LastIndexOf('\n');
        if (separator < 0 || !Guid.TryParseExact(text.AsSpan(separator + 1), "N", out id))
        {
            return false;
        }

        key = text[..separator];
        return true;
    }

    /// <summary>Builds the page from up to <c>Limit + 1</c> rows fetched in order.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, (string Key, Guid Id)> keyOf)
    {
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(Limit).ToList();
        var (lastKey, lastId) = keyOf(items[^1]);
        return new Page<T>(items, Encode(lastKey, lastId));
    }
}
