using System.Globalization;
using System.Text.Json;

namespace Peksos.Clean.Application.Events;

/// <summary>
/// Writes feed items as the contract shows them, <c>{ id, type, occurredAt, data }</c> with the stored data as is: the
/// events feed and webhook deliveries use the same bytes.
/// </summary>
public static class EventJson
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static void WriteItem(Utf8JsonWriter writer, FeedItem item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", item.Id);
        writer.WriteString("type", item.Type);
        Span<char> at = stackalloc char[24];
        item.OccurredAt.UtcDateTime.TryFormat(at, out var length, UtcFormat, CultureInfo.InvariantCulture);
        writer.WriteString("occurredAt", at[..length]);
        writer.WritePropertyName("data");
        writer.WriteRawValue(item.Data, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WritePage(Utf8JsonWriter writer, FeedPage page)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            WriteItem(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteString("nextCursor", page.NextCursor);
        writer.WriteEndObject();
    }
}
