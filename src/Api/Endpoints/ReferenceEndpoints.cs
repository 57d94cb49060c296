using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Application.Reference;
using Peksos.Clean.Application.Reference.GetPmksCategories;
using Peksos.Clean.Application.Reference.GetPmksTypes;
using Peksos.Clean.Application.Reference.GetProvinces;

namespace Peksos.Clean.Api.Endpoints;

public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Reference data").AllowAnonymous();

        group.MapGet("/pmks-categories", async Task<Results<FastJson<IReadOnlyList<PmksCategoryDto>>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPmksCategories(), ct)).ToFastOk())
            .WithName("ListPmksCategories")
            .WithSummary("The six PMKS categories with the PMKS types mapped to each.");

        group.MapGet("/pmks-types", async Task<Results<Ok<IReadOnlyList<PmksTypeDetailDto>>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPmksTypes(), ct)).ToOk())
            .WithName("ListPmksTypes")
            .WithSummary("All 26 PMKS types of Permensos 8/2012 with the categories each maps to (possibly none).");

        group.MapGet("/regions/provinces", async Task<Results<FastJson<IReadOnlyList<ProvinceDto>>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetProvinces(), ct)).ToFastOk())
            .WithName("ListProvinces")
            .WithSummary("The 38 provinces of Indonesia with their two-digit codes.");

        return routes;
    }
}
