using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs: same key and content replays the first response, other content is a 422,
/// a retry racing the first waits for it and replays it; claimed and stored in the command's transaction, scoped to the calling key's id and the route.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>Marks an endpoint that honours the header, for the OpenAPI document.</summary>
    public sealed class IdempotentMarker;

    public static RouteHandlerBuilder Idempotent<T>(this RouteHandlerBuilder builder, Func<T, string> location) =>
        builder.WithMetadata(new IdempotentMarker()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(key))
            {
                return await next(context);
            }

            if (key.Length > MaxKeyLength || key.Any(char.IsControl))
            {
                return ProblemResults.Problem(Error.Validation("idempotency.key-invalid", $"{Header} is at most {MaxKeyLength} printable characters.", Header));
            }

            var services = http.RequestServices;
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var actor = services.GetRequiredService<ICurrentActor>();
            var scopeKey = Hash($"{actor.KeyId}\n{http.Request.Method} {http.Request.Path}\n{key}");
            var requestHash = Hash(JsonSerializer.Serialize(
                context.Arguments.Where(a => a is not (HttpContext or ISender or CancellationToken or null)).ToArray(), json));

            var store = services.GetRequiredService<IIdempotencyStore>();
            var clock = services.GetRequiredService<TimeProvider>();
            if (await store.FindAsync(scopeKey, clock.GetUtcNow(), http.RequestAborted) is { } stored)
            {
                return Replay(stored, requestHash);
            }

            services.GetRequiredService<IdempotencyScope>().Begin(scopeKey, requestHash,
                value => new IdempotentResponse(StatusCodes.Status201Created, location((T)value), JsonSerializer.Serialize(value, json)));
            try
            {
                return await next(context);
            }
            catch (IdempotencyConflictException)
            {
                return await store.FindAsync(scopeKey, clock.GetUtcNow(), CancellationToken.None) is { } first
                    ? Replay(first, requestHash)
                    : ProblemResults.Problem(Error.Conflict("idempotency.in-progress", "A request with this Idempotency-Key is being processed; retry shortly."));
            }
        });

    private static IResult Replay(StoredIdempotency stored, string requestHash)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.RequestHash), Encoding.ASCII.GetBytes(requestHash)))
        {
            var reused = ProblemResults.Problem(Error.Rule("idempotency.key-reused", $"This {Header} was used for a different request; use a new key."));
            reused.ProblemDetails.Title = $"The {Header} was already used for another request.";
            return reused;
        }

        return new ReplayResult(stored.Response);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class ReplayResult(IdempotentResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.Status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (response.Location is not null)
            {
                httpContext.Response.Headers.Location = response.Location;
            }

            await httpContext.Response.WriteAsync(response.Body);
        }
    }
}
