using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Application.Schemes.GetScheme;
using Peksos.Clean.Application.Schemes.GetSchemes;
using Peksos.Clean.Application.Schemes.ListRuleTypes;
using Peksos.Clean.Application.Schemes.PublishSchemeVersion;

namespace Peksos.Clean.Api.Endpoints;

/// <summary>Schemes as versioned data: anyone reads them and the rule types; admins publish new schemes and versions.</summary>
public static class SchemeEndpoints
{
    public static IEndpointRouteBuilder MapSchemeEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/v1").WithTags("Schemes").AllowAnonymous();

        read.MapGet("/schemes", async Task<Results<FastJson<IReadOnlyList<SchemeDto>>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetSchemes(), ct)).ToFastOk())
            .WithName("ListSchemes")
            .WithSummary("The certification schemes, each in its version in force now, with its rules as data and what they mean.");

        read.MapGet("/schemes/{code}", async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> (string code, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetScheme(code), ct)).ToOk())
            .WithName("GetScheme")
            .WithSummary("One certification scheme in its version in force now, e.g. PEKSOS-GENERALIS.");

        read.MapGet("/schemes/{code}/versions", async Task<Results<Ok<IReadOnlyList<SchemeDto>>, ProblemHttpResult>> (string code, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetSchemes(code), ct)).ToOk())
            .WithName("ListSchemeVersions")
            .WithSummary("Every published version of a scheme, oldest first.");

        read.MapGet("/schemes/{code}/versions/{version:int}", async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> (string code, int version, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetScheme(code, version), ct)).ToOk())
            .WithName("GetSchemeVersion")
            .WithSummary("One published version of a scheme (a portfolio is judged under the version it was opened in).");

        read.MapGet("/rule-types", async Task<Results<Ok<IReadOnlyList<RuleTypeDto>>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListRuleTypes(), ct)).ToOk())
            .WithName("ListRuleTypes")
            .WithSummary("The rule types a scheme version is composed of: eligibility rules, portfolio requirements and recommendation policies, with their parameters.");

        var publish = routes.MapGroup("/api/v1/schemes").WithTags("Schemes").RequireAuthorization(Policies.Admin);

        publish.MapPost("/", async Task<Results<Created<SchemeDto>, ProblemHttpResult>> (SchemeInput definition, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new PublishSchemeVersion(definition), ct)).ToCreated(s => $"/api/v1/schemes/{s.Code}/versions/{s.Version}", http))
            .Idempotent<SchemeDto>(s => $"/api/v1/schemes/{s.Code}/versions/{s.Version}")
            .WithName("CreateScheme")
            .WithSummary("Publishes a new scheme as version 1 (409 scheme.exists for a known code; 400 scheme.invalid with every field error).");

        publish.MapPost("/{code}/versions", async Task<Results<Created<SchemeDto>, ProblemHttpResult>> (string code, SchemeInput definition, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new PublishSchemeVersion(definition, code), ct)).ToCreated(s => $"/api/v1/schemes/{s.Code}/versions/{s.Version}", http))
            .Idempotent<SchemeDto>(s => $"/api/v1/schemes/{s.Code}/versions/{s.Version}")
            .WithName("PublishSchemeVersion")
            .WithSummary("Publishes the next version of a scheme, for portfolios opened from effectiveFrom (default now) on; earlier portfolios keep theirs.");

        return routes;
    }
}
