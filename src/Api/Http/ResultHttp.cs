using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>Result → typed HTTP result, so every endpoint maps success and failure the same way.</summary>
public static class ResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemResults.Problem(result.Error!);

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : ProblemResults.Problem(result.Error!);
}
