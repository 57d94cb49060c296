using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Schemes.ListRuleTypes;

public sealed record RuleParameterDto(string Type, string Description, decimal? Minimum, decimal? Maximum, IReadOnlyList<string>? Values, object? Default);

public sealed record RuleTypeDto(string Code, string Kind, string Description, IReadOnlyDictionary<string, RuleParameterDto> Parameters);

/// <summary>The rule types a scheme version can be composed of, with their parameters.</summary>
public sealed record ListRuleTypes : IQuery<Result<IReadOnlyList<RuleTypeDto>>>;

public sealed class ListRuleTypesHandler(RuleTypeRegistry registry) : IQueryHandler<ListRuleTypes, Result<IReadOnlyList<RuleTypeDto>>>
{
    public ValueTask<Result<IReadOnlyList<RuleTypeDto>>> Handle(ListRuleTypes query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Result.Success<IReadOnlyList<RuleTypeDto>>(registry.All.OrderBy(t => t.Kind).ThenBy(t => t.Code, StringComparer.Ordinal).Select(From).ToList()));

    private static RuleTypeDto From(RuleType t) => new(t.Code, Kind(t.Kind), t.Description,
        t.Parameters.ToDictionary(p => p.Name, p => new RuleParameterDto(Type(p.Type), p.Description, p.Minimum, p.Maximum, p.AllowedValues, p.Default)));

    private static string Kind(RuleKind kind) => kind switch
    {
        RuleKind.Eligibility => "eligibility",
        RuleKind.PortfolioRequirement => "portfolio-requirement",
        _ => "recommendation-policy",
    };

    private static string Type(ParameterType type) => type switch
    {
        ParameterType.WholeNumber => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        ParameterType.Code => "string",
        ParameterType.Rules => "rules",
        _ => "essays",
    };
}
