using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// Gives <see cref="DateTimeOffset"/> (and its nullable form) the contract's UTC format for every type the API writes,
/// first in the resolver chain. It is a resolver rather than an entry in <c>JsonSerializerOptions.Converters</c> because
/// any converter there switches off the source-generated fast path of <see cref="ApiJsonContext"/> for every type.
/// </summary>
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
