using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// Turns exceptions into problem responses: malformed requests are 400/413/415 with a stable code; anything else is
/// a 500 that carries no exception text or stack trace (the log has them, the client gets the trace id).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = ProblemResults.Details(status, code, detail);
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int Status, string Code, string Detail, Dictionary<string, string[]>? Errors) Classify(Exception exception)
    {
        if (exception is BadHttpRequestException bad)
        {
            if (bad.InnerException is JsonException json)
            {
                var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
                return (400, "request.malformed-json", "The request body is not valid JSON for this route, or a field has the wrong type or format.",
                    new Dictionary<string, string[]> { [path] = ["Invalid value or JSON syntax here."] });
            }

            return bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => (413, "request.too-large", "The request body is too large.", null),
                StatusCodes.Status415UnsupportedMediaType => (415, "request.unsupported-media-type", "Send the body as application/json.", null),
                _ => (400, "request.malformed", "The request could not be read: a required body or parameter is missing or malformed.", null),
            };
        }

        if (exception is JsonException)
        {
            return (400, "request.malformed-json", "The request body is not valid JSON.", null);
        }

        if (DatabaseUnavailable.Is(exception))
        {
            return (503, "database.unavailable", "The database cannot be reached right now; retry after the time in Retry-After.", null);
        }

        return (500, "server.error", "An unexpected error occurred. Quote the traceId when reporting it.", null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path} ({Exception}); answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, PathString path, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
