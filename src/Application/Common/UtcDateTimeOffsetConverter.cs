using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Peksos.Clean.Application.Common;

/// <summary>
/// Timestamps go out as UTC ISO 8601 with milliseconds and <c>Z</c> (<c>2026-11-28T01:02:03.456Z</c>), as the contract
/// says. The API applies it to every <see cref="DateTimeOffset"/> it writes, and <see cref="UtcTimestamp"/> (the type of
/// timestamps in DTOs written by source-generated code) writes itself with it.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => WriteUtc(writer, value);

    /// <summary>Writes <paramref name="value"/> in the contract's UTC format (for writers that do not go through the serializer).</summary>
    public static void WriteUtc(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[32];
        var written = value.UtcDateTime.TryFormat(text, out var length, Format, CultureInfo.InvariantCulture);
        System.Diagnostics.Debug.Assert(written, "a UTC timestamp with milliseconds is 24 bytes");
        writer.WriteStringValue(text[..length]);
    }
}
