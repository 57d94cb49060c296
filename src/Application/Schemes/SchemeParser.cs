using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Schemes;

/// <summary>A scheme version built from its input, with the input as stored (defaults filled in).</summary>
public sealed record ParsedScheme(CertificationScheme Scheme, SchemeInput Definition);

/// <summary>
/// Checks a scheme version against the registered rule types and builds it: every error at once, each under its field
/// (<c>portfolioRequirements[2].parameters.minimum</c>), as 400 <c>scheme.invalid</c>.
/// </summary>
public sealed partial class SchemeParser(RuleTypeRegistry registry)
{
    public const int MaxNameLength = 200;

    /// <summary>The renewal of domain.md §12 (6 months before, 3 after; 1,000 practice and 40 training hours; 2 case records and the work-experience letter).</summary>
    public static RenewalInput DefaultRenewal => new(6, 3,
        new RouteInput([
            new RuleInput("renewed-certificate-active", []),
            new RuleInput("practice-hours-within-validity", new JsonObject { ["hours"] = 1_000 }),
            new RuleInput("training-hours-within-validity", new JsonObject { ["hours"] = 40 }),
        ]),
        [new RuleInput("case-record-count", new JsonObject { ["minimum"] = 2 }), new RuleInput("document", new JsonObject { ["kind"] = "work-experience-letter" })]);

    public Result<ParsedScheme> Parse(SchemeInput? input, int version, DateTimeOffset effectiveFrom)
    {
        if (input is null)
        {
            return Invalid([Error.Validation("field.required", "The scheme version is required.")]);
        }

        var errors = new ErrorCollector();
        var code = errors.Require(input.Code, "code") && !CodePattern().IsMatch(input.Code!)
            ? Fail<string>(errors, "scheme.code-invalid", "A scheme code is 3–40 capital letters, digits and hyphens, e.g. PEKSOS-GENERALIS.", "code")
            : input.Code;
        var name = errors.Take(Text.Required(input.Name, MaxNameLength, "scheme.name-required"), "name");
        var level = errors.Take(Text.Required(input.Level, 50, "scheme.level-required"), "level");
        var prefix = errors.Require(input.CertificatePrefix, "certificatePrefix") && !PrefixPattern().IsMatch(input.CertificatePrefix!)
            ? Fail<string>(errors, "scheme.prefix-invalid", "A certificate prefix is three capital letters, e.g. PSG.", "certificatePrefix")
            : input.CertificatePrefix;

        var routes = Routes(input.EligibilityRoutes, errors);
        var requirements = Rules<IPortfolioRequirement>(input.PortfolioRequirements ?? [], RuleKind.PortfolioRequirement, "portfolioRequirements", errors);
        var recommendation = input.Recommendation is null
            ? Fail<IRecommendationPolicy>(errors, "field.required", "'recommendation' is required: a policy and its parameters (GET /rule-types).", "recommendation")
            : Rule<IRecommendationPolicy>(input.Recommendation, RuleKind.RecommendationPolicy, "recommendation", errors);
        var validity = Bounded(input.ValidityYears, null, 1, 10, "validityYears", errors);
        var appealWindow = Bounded(input.AppealWindowDays, null, 1, 90, "appealWindowDays", errors);
        var loadCap = Bounded(input.AssessorLoadCap, 10, 1, 50, "assessorLoadCap", errors);
        var renewalInput = input.Renewal ?? DefaultRenewal;
        var renewal = Renewal(renewalInput, errors);
        UniqueEssays(input.PortfolioRequirements, "portfolioRequirements", errors);
        UniqueEssays(renewalInput.PortfolioRequirements, "renewal.portfolioRequirements", errors);

        if (errors.HasErrors)
        {
            return Invalid(errors.Errors);
        }

        var scheme = new CertificationScheme
        {
            Code = code!,
            Name = name!,
            Level = level!,
            CertificatePrefix = prefix!,
            Version = version,
            EffectiveFrom = effectiveFrom,
            EligibilityRoutes = routes,
            PortfolioRequirements = requirements,
            Recommendation = recommendation!,
            ValidityYears = validity,
            AppealWindowDays = appealWindow,
            MaxParticipantsPerAssessor = loadCap,
            RequiresSpecialisation = input.RequiresSpecialisation ?? false,
            Renewal = renewal!,
        };
        var stored = input with { AssessorLoadCap = loadCap, RequiresSpecialisation = scheme.RequiresSpecialisation, Renewal = renewalInput, EffectiveFrom = null };
        return new ParsedScheme(scheme, stored);
    }

    private static Error Invalid(IReadOnlyList<Error> errors) =>
        new("scheme.invalid", $"The scheme version is invalid: {errors.Count} problem(s); the first: {errors[0].Message}", ErrorKind.Validation) { Details = errors };

    private List<EligibilityRoute> Routes(IReadOnlyList<RouteInput>? routes, ErrorCollector errors)
    {
        if (routes is null || routes.Count == 0)
        {
            errors.Add(Error.Validation("scheme.routes-required", "A scheme has at least one eligibility route."), "eligibilityRoutes");
            return [];
        }

        return routes.Select((route, i) => Route(route, i + 1, $"eligibilityRoutes[{i}]", errors)).OfType<EligibilityRoute>().ToList();
    }

    private EligibilityRoute? Route(RouteInput? route, int number, string field, ErrorCollector errors)
    {
        if (route?.Rules is not { Count: > 0 } rules)
        {
            errors.Add(Error.Validation("scheme.route-empty", "An eligibility route has at least one rule."), $"{field}.rules");
            return null;
        }

        return new EligibilityRoute(number, Rules<IEligibilityRule>(rules, RuleKind.Eligibility, $"{field}.rules", errors));
    }

    private RenewalRules? Renewal(RenewalInput input, ErrorCollector errors)
    {
        var opens = Bounded(input.OpensMonthsBefore, 6, 0, 24, "renewal.opensMonthsBefore", errors);
        var grace = Bounded(input.GraceMonthsAfter, 3, 0, 24, "renewal.graceMonthsAfter", errors);
        var route = Route(input.Eligibility, 1, "renewal.eligibility", errors);
        var requirements = Rules<IPortfolioRequirement>(input.PortfolioRequirements ?? [], RuleKind.PortfolioRequirement, "renewal.portfolioRequirements", errors);
        return route is null ? null : new RenewalRules { OpensMonthsBefore = opens, GraceMonthsAfter = grace, Route = route, Requirements = requirements };
    }

    private List<T> Rules<T>(IReadOnlyList<RuleInput?> rules, RuleKind kind, string field, ErrorCollector errors)
        where T : class =>
        rules.Select((rule, i) => Rule<T>(rule, kind, $"{field}[{i}]", errors)).OfType<T>().ToList();

    private T? Rule<T>(RuleInput? rule, RuleKind kind, string field, ErrorCollector errors)
        where T : class
    {
        var type = registry.Find(rule?.Type);
        if (type is null || type.Kind != kind)
        {
            var known = string.Join(", ", registry.All.Where(t => t.Kind == kind).Select(t => t.Code));
            errors.Add(Error.Validation("scheme.unknown-rule-type", $"'{rule?.Type}' is not a registered {Kinds[kind]} rule type; one of: {known}."), $"{field}.type");
            return null;
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var parameters = rule!.Parameters ?? [];
        foreach (var unknown in parameters.Select(p => p.Key).Where(k => type.Parameters.All(p => p.Name != k)))
        {
            errors.Add(Error.Validation("scheme.unknown-parameter", $"Rule type '{type.Code}' has no parameter '{unknown}'."), $"{field}.parameters.{unknown}");
        }

        var valid = true;
        foreach (var parameter in type.Parameters)
        {
            if (Value(parameter, parameters[parameter.Name], $"{field}.parameters.{parameter.Name}", errors) is { } value)
            {
                values[parameter.Name] = value;
            }
            else
            {
                valid = false;
            }
        }

        return valid ? (T)type.Build(new RuleArguments(values)) : null;
    }

    private object? Value(RuleParameter parameter, JsonNode? node, string field, ErrorCollector errors)
    {
        if (node is null)
        {
            if (parameter.Default is null)
            {
                errors.Add(Error.Validation("field.required", $"'{parameter.Name}' is required: {parameter.Description}."), field);
            }

            return parameter.Default;
        }

        object? value = (parameter.Type, node.GetValueKind()) switch
        {
            (ParameterType.WholeNumber, JsonValueKind.Number) when node.AsValue().TryGetValue<int>(out var whole) && InBounds(parameter, whole) => whole,
            (ParameterType.Number, JsonValueKind.Number) when node.AsValue().TryGetValue<decimal>(out var number) && InBounds(parameter, number) => number,
            (ParameterType.Boolean, JsonValueKind.True or JsonValueKind.False) => node.GetValue<bool>(),
            (ParameterType.Code, JsonValueKind.String) when node.GetValue<string>() is { Length: > 0 } text
                && (parameter.AllowedValues is null || parameter.AllowedValues.Contains(text)) => text,
            (ParameterType.Rules, JsonValueKind.Array) => NestedRules(node.AsArray(), field, errors),
            (ParameterType.Essays, JsonValueKind.Array) => Essays(node.AsArray(), field, errors),
            _ => null,
        };
        if (value is null && parameter.Type is not (ParameterType.Rules or ParameterType.Essays))
        {
            errors.Add(Error.Validation("scheme.parameter-invalid", $"'{parameter.Name}' must be {Expected(parameter)}."), field);
        }

        return value;
    }

    private List<IEligibilityRule>? NestedRules(JsonArray array, string field, ErrorCollector errors)
    {
        var rules = array.Select((item, i) => item?.Deserialize<RuleInput>(JsonSerializerOptions.Web)).ToList();
        var built = Rules<IEligibilityRule>(rules, RuleKind.Eligibility, field, errors);
        return built.Count == rules.Count && built.Count > 0 ? built : null;
    }

    private static List<EssaySpec>? Essays(JsonArray array, string field, ErrorCollector errors)
    {
        var essays = new List<EssaySpec>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i] as JsonObject;
            var code = errors.Take(EssayCode.Parse(item?["code"]?.GetValueKind() == JsonValueKind.String ? item["code"]!.GetValue<string>() : null), $"{field}[{i}].code");
            var title = errors.Take(Text.Required(item?["title"]?.GetValueKind() == JsonValueKind.String ? item["title"]!.GetValue<string>() : null, 200, "scheme.essay-title-required"), $"{field}[{i}].title");
            int? words = item?["minimumWords"] is JsonValue w && w.TryGetValue<int>(out var n) && n is >= 1 and <= 5_000 ? n : null;
            if (words is null)
            {
                errors.Add(Error.Validation("scheme.parameter-invalid", "'minimumWords' must be a whole number from 1 to 5000."), $"{field}[{i}].minimumWords");
            }

            if (code is not null && title is not null && words is not null)
            {
                essays.Add(new EssaySpec(code, title, words.Value));
            }
        }

        return essays.Count == array.Count && essays.Count > 0 ? essays : null;
    }

    /// <summary>An essay code appears once in a set of requirements (its title and minimum words are defined there, once).</summary>
    private static void UniqueEssays(IReadOnlyList<RuleInput?>? requirements, string field, ErrorCollector errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (requirements?.Count ?? 0); i++)
        {
            if (requirements![i]?.Parameters?["essays"] is not JsonArray essays)
            {
                continue;
            }

            for (var j = 0; j < essays.Count; j++)
            {
                if (essays[j]?["code"] is JsonValue code && code.TryGetValue<string>(out var text) && !seen.Add(text))
                {
                    errors.Add(Error.Validation("scheme.duplicate-essay", $"Essay {text} is defined twice."), $"{field}[{i}].parameters.essays[{j}].code");
                }
            }
        }
    }

    private static int Bounded(int? value, int? fallback, int minimum, int maximum, string field, ErrorCollector errors)
    {
        if ((value ?? fallback) is { } v && v >= minimum && v <= maximum)
        {
            return v;
        }

        errors.Add(Error.Validation(value is null ? "field.required" : "scheme.parameter-invalid", $"'{field}' must be a whole number from {minimum} to {maximum}."), field);
        return 0;
    }

    private static bool InBounds(RuleParameter p, decimal value) => (p.Minimum is null || value >= p.Minimum) && (p.Maximum is null || value <= p.Maximum);

    private static string Expected(RuleParameter p) => p.Type switch
    {
        ParameterType.WholeNumber or ParameterType.Number =>
            $"a {(p.Type == ParameterType.WholeNumber ? "whole number" : "number")}{(p.Minimum is { } min ? $" ≥ {min}" : "")}{(p.Maximum is { } max ? $" and ≤ {max}" : "")}",
        ParameterType.Boolean => "true or false",
        _ when p.AllowedValues is { } allowed => "one of " + string.Join(", ", allowed),
        _ => "a non-empty string",
    };

    private static readonly Dictionary<RuleKind, string> Kinds = new()
    {
        [RuleKind.Eligibility] = "eligibility",
        [RuleKind.PortfolioRequirement] = "portfolio-requirement",
        [RuleKind.RecommendationPolicy] = "recommendation-policy",
    };

    private static T? Fail<T>(ErrorCollector errors, string code, string message, string field)
        where T : class
    {
        errors.Add(Error.Validation(code, message), field);
        return null;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{2,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex PrefixPattern();
}
