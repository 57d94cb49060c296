using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// Timestamps are strings on the wire (UTC ISO 8601 with <c>Z</c>); the custom converters that write them hide that from
/// the schema generator, so the OpenAPI document says it here.
/// </summary>
public static class OpenApiTimestamps
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(UtcTimestamp) || type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }
        else if (type == typeof(UtcTimestamp?) || type == typeof(DateTimeOffset?))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
