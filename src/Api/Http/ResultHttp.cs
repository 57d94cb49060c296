using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>Result → typed HTTP result, so every endpoint maps success and failure the same way.</summary>
public static class ResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result, HttpContext? context = null)
    {
        if (result.IsFailure)
        {
            return ProblemResults.Problem(result.Error!);
        }

        SetETag(context, result.Value);
        return TypedResults.Ok(result.Value);
    }

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location, HttpContext? context = null)
    {
        if (result.IsFailure)
        {
            return ProblemResults.Problem(result.Error!);
        }

        SetETag(context, result.Value);
        return TypedResults.Created(location(result.Value), result.Value);
    }

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : ProblemResults.Problem(result.Error!);

    /// <summary>
    /// The version the caller expects, from <c>If-Match</c> (<c>"3"</c> or <c>W/"3"</c>); null when absent. An
    /// <c>If-Match</c> that is not one of this API's ETags can never match, so it yields -1 (a 412).
    /// </summary>
    public static int? IfMatch(this HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }

    private static void SetETag<T>(HttpContext? context, T value)
    {
        if (context is not null && value is IVersioned versioned)
        {
            context.Response.Headers.ETag = $"\"{versioned.Version.ToString(CultureInfo.InvariantCulture)}\"";
        }
    }
}
