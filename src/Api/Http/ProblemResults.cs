using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>The one mapping from a domain <see cref="Error"/> to an RFC 9457 problem response.</summary>
public static class ProblemResults
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Rule => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Corrupt => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A problem with its status, title, stable code and the code's type URI: the one shape every error takes.</summary>
    public static ProblemDetails Details(int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleOf(status),
            Detail = detail,
            Type = $"https://peksos.clean/problems/{code}",
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Writes a problem response from middleware (authentication, rate limits, body limits).</summary>
    public static async Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Details(status, code, detail) });
    }

    public static ProblemHttpResult Problem(Error error)
    {
        var problem = Details(StatusOf(error.Kind), error.Code, error.Message);

        var fieldErrors = (error.Details.Count > 0 ? error.Details : [error]).Where(e => e.Field is not null).ToList();
        if (error.Kind == ErrorKind.Validation && fieldErrors.Count > 0)
        {
            problem.Extensions["errors"] = fieldErrors
                .GroupBy(e => e.Field!)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        }

        if (error.Kind == ErrorKind.Rule && error.Details.Count > 0)
        {
            problem.Extensions["unmet"] = error.Details.Select(Unmet).ToArray();
        }

        return TypedResults.Problem(problem);
    }

    public static string TitleOf(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Credentials are missing or invalid.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "The request conflicts with the current state.",
        412 => "The resource has changed.",
        413 => "The request body is too large.",
        415 => "Unsupported media type.",
        422 => "A certification rule does not allow this.",
        429 => "Too many requests.",
        502 => "Stored data failed its integrity check.",
        503 => "The service is unavailable for a moment.",
        _ => "An unexpected error occurred.",
    };

    private static Dictionary<string, object> Unmet(Error item)
    {
        var unmet = new Dictionary<string, object> { ["code"] = item.Code, ["message"] = item.Message };
        if (item.Subject is { } subject)
        {
            unmet[subject.Name] = subject.Id;
        }

        return unmet;
    }
}
