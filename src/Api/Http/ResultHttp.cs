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

    /// <summary>As <see cref="ToOk{T}"/>, for the hottest responses (their types are in <see cref="ApiJsonContext"/>).</summary>
    public static Results<FastJson<T>, ProblemHttpResult> ToFastOk<T>(this Result<T> result, HttpContext? context = null)
    {
        if (result.IsFailure)
        {
            return ProblemResults.Problem(result.Error!);
        }

        SetETag(context, result.Value);
        return new FastJson<T>(result.Value);
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

    /// <summary>The events feed's page, written with each event's stored data as is.</summary>
    public static Results<FeedJson, ProblemHttpResult> ToFeedJson(this Result<Application.Events.FeedPage> result) =>
        result.IsSuccess ? new FeedJson(result.Value) : ProblemResults.Problem(result.Error!);

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : ProblemResults.Problem(result.Error!);

    /// <summary>
    /// The versions <c>If-Match</c> accepts (RFC 9110: a list of ETags, or <c>*</c> for any current resource, i.e. null as
    /// when absent). A tag that is not one of this API's strong ETags never matches (a 412).
    /// </summary>
    public static ExpectedVersions? IfMatch(this HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var versions = new HashSet<int>();
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*")
            {
                return null;
            }

            // A weak tag is compared strongly here (If-Match uses the strong comparison): W/"3" never matches.
            if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
                && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return new ExpectedVersions(versions);
    }

    private static void SetETag<T>(HttpContext? context, T value)
    {
        if (context is not null && value is IVersioned versioned)
        {
            context.Response.Headers.ETag = $"\"{versioned.Version.ToString(CultureInfo.InvariantCulture)}\"";
        }
    }
}
