using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Import;

/// <summary>
/// Reads roster CSV with Sep, streaming: RFC 4180 quoting, UTF-8 with or without BOM, <c>,</c> or <c>;</c> separated
/// (as Indonesian Excel writes), detected from the header. Column names match case-insensitively, in any order.
/// </summary>
public sealed class SepRosterReader : IRosterReader
{
    public async Task<Result<IAsyncEnumerable<RosterRow>>> OpenAsync(Stream csv, CancellationToken cancellationToken)
    {
        var text = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        SepReader reader;
        try
        {
            reader = await Sep.Reader(o => o with
            {
                Unescape = true,
                DisableColCountCheck = true,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
            }).FromAsync(text, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
        {
            text.Dispose();
            return HeaderError("The file is not CSV with a header row.", IRosterReader.Columns);
        }

        var missing = IRosterReader.Columns.Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (reader.Header.IsEmpty || missing.Count > 0)
        {
            reader.Dispose();
            text.Dispose();
            return HeaderError($"The header row lacks: {string.Join(", ", missing)}. Expected: {string.Join(",", IRosterReader.Columns)}.", missing);
        }

        var indices = IRosterReader.Columns.Select(c => reader.Header.IndexOf(c)).ToArray();
        return Result<IAsyncEnumerable<RosterRow>>.Success(Rows(reader, text, indices, cancellationToken));
    }

    private static Result<IAsyncEnumerable<RosterRow>> HeaderError(string message, IReadOnlyList<string> missing) =>
        new Error("import.header-invalid", message, ErrorKind.Validation)
        {
            Field = "header",
            Details = missing.Select(c => Error.Validation("import.column-missing", $"Column '{c}' is missing.", c)).ToList(),
        };

    private static async IAsyncEnumerable<RosterRow> Rows(SepReader reader, StreamReader text, int[] indices, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (text)
        using (reader)
        {
            while (await reader.MoveNextAsync(cancellationToken))
            {
                if (ToRow(reader.Current, indices) is { } row)
                {
                    yield return row;
                }
            }
        }
    }

    private static RosterRow? ToRow(SepReader.Row row, int[] i)
    {
        if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            return null; // a blank line
        }

        var values = new string?[i.Length];
        for (var c = 0; c < i.Length; c++)
        {
            values[c] = i[c] < row.ColCount ? row[i[c]].ToString() : null;
        }

        return new RosterRow(row.LineNumberFrom, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8],
            values[9], values[10], values[11]);
    }
}
