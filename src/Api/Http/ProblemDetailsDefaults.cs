namespace Peksos.Clean.Api.Http;

/// <summary>Every problem response carries a <c>traceId</c> and a stable <c>code</c>, whoever wrote it.</summary>
public static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = Observability.TraceId(context.HttpContext);
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = problem.Status switch
            {
                404 => "route.not-found",
                405 => "route.method-not-allowed",
                401 => "auth.unauthenticated",
                403 => "auth.forbidden",
                413 => "request.too-large",
                415 => "request.unsupported-media-type",
                429 => "rate-limit.exceeded",
                _ => "request.failed",
            };
        }

        problem.Title ??= ProblemResults.TitleOf(problem.Status ?? 500);
    }
}
