using System.Text.Json;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Application.Events;

/// <summary>
/// Writes feed items as the contract shows them, <c>{ id, type, occurredAt, data }</c> with the stored data as is: the
/// events feed and webhook deliveries use the same bytes.
/// </summary>
public static class EventJson
{
    public static void WriteItem(Utf8JsonWriter writer, FeedItem item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", item.Id);
        writer.WriteString("type", item.Type);
        writer.WritePropertyName("occurredAt");
        UtcDateTimeOffsetConverter.WriteUtc(writer, item.OccurredAt);
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
