using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// A 200 JSON answer for the hottest responses: written by <see cref="ApiJsonContext"/>'s generated fast-path code
/// onto a writer with the API's relaxed escaping (the fast path needs options without an encoder; the writer carries
/// it instead: docs/decisions.md, "JSON").
/// </summary>
public sealed class FastJson<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    public static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)(ApiJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in ApiJsonContext."));

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext) => ApiJson.WriteOkAsync(httpContext, ContentType, writer => JsonSerializer.Serialize(writer, value, TypeInfo));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>The API's JSON escaping: <c>+</c>, <c>'</c> and non-ASCII letters as themselves (HTML pages are encoded separately).</summary>
public static class ApiJson
{
    /// <summary>A 200 whose JSON body <paramref name="write"/> writes straight to the response.</summary>
    public static async Task WriteOkAsync(HttpContext httpContext, string contentType, Action<Utf8JsonWriter> write)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions);
        write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };
}
