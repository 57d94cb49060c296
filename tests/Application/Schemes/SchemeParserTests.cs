using System.Text.Json.Nodes;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Tests.Schemes;

/// <summary>A scheme version checked against the rule types: what builds, and every refusal under its field.</summary>
public sealed class SchemeParserTests
{
    private static readonly SchemeParser Parser = new(RuleTypeRegistry.BuiltIn());
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static SchemeInput Valid(IReadOnlyList<RuleInput>? rules = null) => new(
        "TKS-PKH", "Pendamping PKH", "Generalis", "PKH",
        [new RouteInput(rules ?? [new RuleInput("minimum-practice-hours", new JsonObject { ["hours"] = 500 })])],
        [new RuleInput("essays", new JsonObject { ["essays"] = new JsonArray(new JsonObject { ["code"] = "K1", ["title"] = "PKH", ["minimumWords"] = 30 }) })],
        new RuleInput("written-interview-portfolio", new JsonObject { ["writtenPassMark"] = 60 }),
        5, 14, null, null, null);

    [Fact]
    public void AValidVersion_Builds_WithDefaultsFilledIn()
    {
        var parsed = Parser.Parse(Valid(), 1, Now).Value;

        parsed.Scheme.Recommendation.Should().Be(new StandardRecommendationPolicy(60, 3.0m, 2));
        parsed.Scheme.MaxParticipantsPerAssessor.Should().Be(10);
        parsed.Scheme.Essays.Should().ContainSingle().Which.MinimumWords.Should().Be(30);
        parsed.Scheme.Renewal.Route.Rules.Should().HaveCount(3, "a version without renewal rules gets the domain's");
        parsed.Definition.Renewal.Should().NotBeNull();
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void AWholeNumber_IsCheckedAgainstItsMinimum(int hours, bool valid)
    {
        var parsed = Parser.Parse(Valid([new RuleInput("minimum-practice-hours", new JsonObject { ["hours"] = hours })]), 1, Now);

        parsed.IsSuccess.Should().Be(valid);
        if (!valid)
        {
            parsed.Error!.Details.Should().ContainSingle(e => e.Field == "eligibilityRoutes[0].rules[0].parameters.hours" && e.Code == "scheme.parameter-invalid");
        }
    }

    [Fact]
    public void NestedRules_AreCheckedToo_AndUnknownParametersAndKindsAreNamed()
    {
        var anyOf = new RuleInput("any-of", new JsonObject
        {
            ["code"] = "eligibility.depth",
            ["rules"] = new JsonArray(new JsonObject { ["type"] = "minimum-education", ["parameters"] = new JsonObject { ["level"] = "S9" } }),
        });
        var wrongKind = new RuleInput("case-record-count", new JsonObject { ["minimum"] = 2 });
        var extra = new RuleInput("minimum-training-hours", new JsonObject { ["hours"] = 40, ["days"] = 3 });

        var error = Parser.Parse(Valid([anyOf, wrongKind, extra]), 1, Now).Error!;

        error.Code.Should().Be("scheme.invalid");
        error.Details.Select(e => (e.Field, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("eligibilityRoutes[0].rules[0].parameters.rules[0].parameters.level", "scheme.parameter-invalid"),
            ("eligibilityRoutes[0].rules[1].type", "scheme.unknown-rule-type"),
            ("eligibilityRoutes[0].rules[2].parameters.days", "scheme.unknown-parameter"),
        });
    }

    [Fact]
    public void AnEssayDefinedTwice_AndMissingParts_AreEachReported()
    {
        var twice = new JsonArray(
            new JsonObject { ["code"] = "K1", ["title"] = "A", ["minimumWords"] = 30 },
            new JsonObject { ["code"] = "K1", ["title"] = "B", ["minimumWords"] = 30 });
        var input = Valid() with
        {
            Name = " ",
            CertificatePrefix = "pk",
            PortfolioRequirements = [new RuleInput("essays", new JsonObject { ["essays"] = twice })],
            Recommendation = null,
        };

        var fields = Parser.Parse(input, 1, Now).Error!.Details.Select(e => e.Field).ToList();

        fields.Should().BeEquivalentTo(["name", "certificatePrefix", "recommendation", "portfolioRequirements[0].parameters.essays[1].code"]);
    }
}
