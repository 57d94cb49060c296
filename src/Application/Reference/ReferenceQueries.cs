using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Reference;

public sealed record PmksTypeDto(string Code, string Name);

public sealed record PmksCategoryDto(string Code, string Name, string NameEn, IReadOnlyList<PmksTypeDto> PmksTypes);

public sealed record ProvinceDto(string Code, string Name);

public sealed record RuleDto(string Code, string Description);

public sealed record EligibilityRouteDto(int Route, string Description, IReadOnlyList<RuleDto> Rules);

public sealed record PassMarksDto(int Written, string Interview, decimal EssayAverage, int EssayMinimum);

public sealed record SchemeDto(
    string Code,
    string Name,
    string Level,
    string CertificatePrefix,
    IReadOnlyList<EligibilityRouteDto> EligibilityRoutes,
    IReadOnlyList<RuleDto> PortfolioRequirements,
    IReadOnlyList<string> Essays,
    int EssayMinimumWords,
    PassMarksDto PassMarks,
    int ValidityYears,
    int AppealWindowDays,
    int MaxParticipantsPerAssessor,
    bool RequiresSpecialisation)
{
    public static SchemeDto From(CertificationScheme s) => new(
        s.Code,
        s.Name,
        s.Level,
        s.CertificatePrefix,
        s.EligibilityRoutes.Select(r => new EligibilityRouteDto(r.Number, r.Description, r.Rules.Select(x => new RuleDto(x.Code, x.Description)).ToList())).ToList(),
        s.PortfolioRequirements.Select(r => new RuleDto(r.Code, r.Description)).ToList(),
        s.EssayCodes.Select(c => c.Value).ToList(),
        s.EssayMinimumWords,
        new PassMarksDto(s.WrittenPassMark, "k", s.EssayAveragePassScore, s.EssayMinimumScore),
        s.ValidityYears,
        s.AppealWindowDays,
        s.MaxParticipantsPerAssessor,
        s.RequiresSpecialisation);
}

public sealed record GetPmksCategories : IQuery<Result<IReadOnlyList<PmksCategoryDto>>>;

public sealed record GetProvinces : IQuery<Result<IReadOnlyList<ProvinceDto>>>;

public sealed record GetSchemes : IQuery<Result<IReadOnlyList<SchemeDto>>>;

public sealed record GetScheme(string Code) : IQuery<Result<SchemeDto>>;

/// <summary>Reference data is static, so the answers are built once.</summary>
public sealed class ReferenceQueryHandlers :
    IQueryHandler<GetPmksCategories, Result<IReadOnlyList<PmksCategoryDto>>>,
    IQueryHandler<GetProvinces, Result<IReadOnlyList<ProvinceDto>>>,
    IQueryHandler<GetSchemes, Result<IReadOnlyList<SchemeDto>>>,
    IQueryHandler<GetScheme, Result<SchemeDto>>
{
    private static readonly Result<IReadOnlyList<PmksCategoryDto>> Categories = PmksCategory.All
        .Select(c => new PmksCategoryDto(c.Code, c.Name, c.NameEn, PmksType.In(c).Select(t => new PmksTypeDto(t.Code, t.Name)).ToList()))
        .ToList();

    private static readonly Result<IReadOnlyList<ProvinceDto>> Provinces =
        Regions.Provinces.Select(p => new ProvinceDto(p.Code, p.Name)).ToList();

    private static readonly Result<IReadOnlyList<SchemeDto>> Schemes = SchemeCatalog.All.Select(SchemeDto.From).ToList();

    public ValueTask<Result<IReadOnlyList<PmksCategoryDto>>> Handle(GetPmksCategories query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Categories);

    public ValueTask<Result<IReadOnlyList<ProvinceDto>>> Handle(GetProvinces query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Provinces);

    public ValueTask<Result<IReadOnlyList<SchemeDto>>> Handle(GetSchemes query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Schemes);

    public ValueTask<Result<SchemeDto>> Handle(GetScheme query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SchemeCatalog.Find(query.Code).Map(SchemeDto.From));
}

public sealed record PmksTypeDetailDto(string Code, string Name, IReadOnlyList<string> Categories);

public sealed record GetPmksTypes : IQuery<Result<IReadOnlyList<PmksTypeDetailDto>>>;

public sealed class GetPmksTypesHandler : IQueryHandler<GetPmksTypes, Result<IReadOnlyList<PmksTypeDetailDto>>>
{
    private static readonly Result<IReadOnlyList<PmksTypeDetailDto>> Types =
        PmksType.All.Select(t => new PmksTypeDetailDto(t.Code, t.Name, t.Categories.Select(c => c.Code).ToList())).ToList();

    public ValueTask<Result<IReadOnlyList<PmksTypeDetailDto>>> Handle(GetPmksTypes query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Types);
}
