using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Api.Http;

/// <summary>A page of the events feed, written with each event's stored data as is; documented as <see cref="EventPage"/>.</summary>
public sealed class FeedJson(FeedPage page) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext) => ApiJson.WriteOkAsync(httpContext, ContentType, writer => EventJson.WritePage(writer, page));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EventPage), ["application/json"]));
}
