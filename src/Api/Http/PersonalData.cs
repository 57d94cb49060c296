namespace Peksos.Clean.Api.Http;

/// <summary>Responses that carry personal data are never stored by a cache on the way (<c>Cache-Control: no-store</c>).</summary>
public static class PersonalData
{
    public static TBuilder CarriesPersonalData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
