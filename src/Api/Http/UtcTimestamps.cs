using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>The contract's UTC format for every <see cref="DateTimeOffset"/>, as a resolver so the generated fast path stays on (docs/decisions.md, "JSON").</summary>
public sealed class UtcTimestamps : IJsonTypeInfoResolver
{
    public static readonly UtcTimestamps Instance = new();

    private static readonly UtcDateTimeOffsetConverter Converter = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(DateTimeOffset))
        {
            return JsonMetadataServices.CreateValueInfo<DateTimeOffset>(options, Converter);
        }

        if (type == typeof(DateTimeOffset?))
        {
            return JsonMetadataServices.CreateValueInfo<DateTimeOffset?>(options, JsonMetadataServices.GetNullableConverter<DateTimeOffset>(
                JsonMetadataServices.CreateValueInfo<DateTimeOffset>(options, Converter)));
        }

        return null;
    }
}
