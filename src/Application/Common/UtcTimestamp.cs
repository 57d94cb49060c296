using System.Text.Json;
using System.Text.Json.Serialization;

namespace Peksos.Clean.Application.Common;

/// <summary>A timestamp that carries its UTC wire format on its type, for DTOs written by generated JSON code (docs/decisions.md, "JSON").</summary>
[JsonConverter(typeof(UtcTimestampJsonConverter))]
public readonly record struct UtcTimestamp(DateTimeOffset Value)
{
    public static implicit operator UtcTimestamp(DateTimeOffset value) => new(value);

    public static implicit operator DateTimeOffset(UtcTimestamp timestamp) => timestamp.Value;

    public DateTimeOffset ToDateTimeOffset() => Value;

    public static UtcTimestamp FromDateTimeOffset(DateTimeOffset value) => new(value);
}

public sealed class UtcTimestampJsonConverter : JsonConverter<UtcTimestamp>
{
    private static readonly UtcDateTimeOffsetConverter Inner = new();

    public override UtcTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(Inner.Read(ref reader, typeof(DateTimeOffset), options));

    public override void Write(Utf8JsonWriter writer, UtcTimestamp value, JsonSerializerOptions options) =>
        Inner.Write(writer, value.Value, options);
}
