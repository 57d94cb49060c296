using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Schemes;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>The worked example of docs/extending-rules.md: a rule type a developer registers, which an LSP then uses in a version.</summary>
public sealed record EmploymentTypeRule(EmploymentType Required) : IEligibilityRule
{
    public static readonly RuleType Type = RuleType.Eligibility(
        "employment-type", "employed by a given kind of organisation",
        [RuleParameter.Codes("type", "the employment type required", EmploymentType.All)],
        a => new EmploymentTypeRule(EmploymentType.FromCode(a.Code("type")).Value));

    public string Code => "eligibility.employment-type";

    public string Description => $"employed as {Required.Code}";

    public string? Check(EligibilityContext context) =>
        context.Candidate.Profile.Employment.Type == Required ? null : $"Needs employment as {Required.Code}; has {context.Candidate.Profile.Employment.Type.Code}.";
}

/// <summary>
/// Schemes as versioned data over HTTP on each engine: a new version takes effect for portfolios opened after it, the
/// earlier ones keep theirs through the decision and the appeal; bad versions are refused with every field error; a
/// new scheme built from the rule types issues certificates with its own prefix.
/// </summary>
public abstract class SchemeVersionApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider) { AddServices = services => services.AddSingleton(EmploymentTypeRule.Type) };
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [SkippableFact]
    public async Task ANewVersion_AppliesToPortfoliosOpenedAfterIt_WhileEarlierOnesKeepTheirsThroughDecisionAndAppeal()
    {
        var (k1, k1Portfolio) = await Accepted(hours: 1_400);
        var (bk1, bk1Portfolio) = await Accepted(hours: 1_400);

        var v2 = await Scheme("PEKSOS-GENERALIS");
        Rule(v2, "eligibilityRoutes", 0, "minimum-practice-hours")["hours"] = 1_500;
        v2["recommendation"]!["parameters"]!["writtenPassMark"] = 65;
        v2["appealWindowDays"] = 7;
        var published = await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes/PEKSOS-GENERALIS/versions", v2)).ShouldBeJson(HttpStatusCode.Created);
        published.GetProperty("version").GetInt32().Should().Be(2);
        published.GetProperty("passMarks").GetProperty("written").GetInt32().Should().Be(65);
        (await Get("/api/v1/schemes/PEKSOS-GENERALIS")).GetProperty("version").GetInt32().Should().Be(2);
        (await Get("/api/v1/schemes/PEKSOS-GENERALIS/versions/1")).GetProperty("passMarks").GetProperty("written").GetInt32().Should().Be(60);
        (await Get("/api/v1/schemes/PEKSOS-GENERALIS/versions")).GetArrayLength().Should().Be(2);
        (await Get("/api/v1/events?limit=200")).GetRawText().Should().Contain("scheme.version-published");

        (await Get($"/api/v1/portfolios/{k1Portfolio}")).GetProperty("schemeVersion").GetInt32().Should().Be(1);
        var later = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(later, 1_400);
        var opened = await _api.OpenPortfolio(later);
        opened.GetProperty("schemeVersion").GetInt32().Should().Be(2);
        opened.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("message").GetString()).Should()
            .Contain(m => m!.Contains("1,500", StringComparison.Ordinal), "the new version asks 1,500 hours");
        await _api.RecordPractice(later, 100, "2026-01-01", "2026-01-31");
        var laterPortfolio = opened.GetProperty("id").GetGuid();
        await _api.CompleteGeneralis(laterPortfolio);
        await _api.Post($"/api/v1/portfolios/{laterPortfolio}/submit", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{laterPortfolio}/accept", null, HttpStatusCode.OK);

        // 62 written: K under version 1's pass mark of 60, BK under version 2's 65.
        var assessorId = await _api.RegisterAssessor("Bambang Sutrisno", "MET.V.0001", "Universitas Lampung");
        using var assessor = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessorId));
        var exam = await _api.PlanExam(3, assessorId);
        var participants = new List<Guid>();
        foreach (var portfolio in new[] { k1Portfolio, bk1Portfolio, laterPortfolio })
        {
            participants.Add((await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId }, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessor);
        var scores = new[] { 62, 55, 62 };
        for (var i = 0; i < 3; i++)
        {
            var portfolio = new[] { k1Portfolio, bk1Portfolio, laterPortfolio }[i];
            await _api.Post($"/api/v1/exams/{exam}/participants/{participants[i]}/assessment", await _api.PassingSheet(portfolio, written: scores[i]), HttpStatusCode.OK, assessor);
        }

        var decision = await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-V2", panel = new[] { new { name = "Drs. Hartono" } } }, HttpStatusCode.OK);
        var results = decision.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetGuid());
        results[participants[0]].GetProperty("result").GetString().Should().Be("k", "version 1 passes 62");
        results[participants[2]].GetProperty("result").GetString().Should().Be("bk", "version 2 does not");
        results[participants[1]].GetProperty("appealDeadline").GetString().Should().Be("2026-12-11", "version 1's window is 14 days");
        results[participants[2]].GetProperty("appealDeadline").GetString().Should().Be("2026-12-04", "version 2's is 7");

        _factory.Clock.Advance(TimeSpan.FromDays(10));
        await _api.Post($"/api/v1/exams/{exam}/participants/{participants[1]}/appeal", new { reason = "Mohon ditinjau ulang." }, HttpStatusCode.Created);
        await (await _api.Admin.PostAsJsonAsync($"/api/v1/exams/{exam}/participants/{participants[2]}/appeal", new { reason = "Mohon ditinjau ulang." }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "appeal.window-closed");
        k1.Should().NotBe(bk1);
    }

    [SkippableFact]
    public async Task AnInvalidVersion_IsRefusedWithEveryFieldError_AndNothingIsPublished()
    {
        var bad = await Scheme("PEKSOS-GENERALIS");
        var requirements = bad["portfolioRequirements"]!.AsArray();
        requirements[0]!["type"] = "no-such-rule";
        Rule(bad, "eligibilityRoutes", 0, "minimum-practice-hours")["hours"] = -5;
        var essays = requirements[6]!["parameters"]!["essays"]!.AsArray();
        essays[1]!["code"] = "K1";

        var refused = await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes/PEKSOS-GENERALIS/versions", bad)).ShouldBeProblem(HttpStatusCode.BadRequest, "scheme.invalid");
        var errors = refused.GetProperty("errors");
        errors.TryGetProperty("portfolioRequirements[0].type", out _).Should().BeTrue(refused.GetRawText());
        errors.TryGetProperty("eligibilityRoutes[0].rules[1].parameters.hours", out _).Should().BeTrue(refused.GetRawText());
        errors.TryGetProperty("portfolioRequirements[6].parameters.essays[1].code", out _).Should().BeTrue(refused.GetRawText());

        var past = await Scheme("PEKSOS-GENERALIS");
        past["effectiveFrom"] = "2026-01-01T00:00:00Z";
        await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes/PEKSOS-GENERALIS/versions", past)).ShouldBeProblem(HttpStatusCode.BadRequest, "scheme.effective-in-past");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes", await Scheme("PEKSOS-GENERALIS"))).ShouldBeProblem(HttpStatusCode.Conflict, "scheme.exists");
        var renamedPrefix = await Scheme("PEKSOS-GENERALIS");
        renamedPrefix["certificatePrefix"] = "PSX";
        await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes/PEKSOS-GENERALIS/versions", renamedPrefix)).ShouldBeProblem(HttpStatusCode.BadRequest, "scheme.prefix-changed");
        (await Get("/api/v1/schemes/PEKSOS-GENERALIS/versions")).GetArrayLength().Should().Be(1);
    }

    [SkippableFact]
    public async Task ANewScheme_FromRegisteredRuleTypes_IncludingTheExampleOne_IssuesCertificatesWithItsOwnPrefix()
    {
        var ruleTypes = (await Get("/api/v1/rule-types")).EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        ruleTypes.Should().Contain(["minimum-practice-hours", "essays", "written-interview-portfolio", "employment-type"]);

        var scheme = await Scheme("TKS-GENERALIS");
        scheme["code"] = "TKS-PKH";
        scheme["name"] = "Pendamping PKH Bersertifikat";
        scheme["certificatePrefix"] = "PKH";
        scheme["eligibilityRoutes"] = new JsonArray(new JsonObject
        {
            ["rules"] = new JsonArray(
                new JsonObject { ["type"] = "minimum-practice-hours", ["parameters"] = new JsonObject { ["hours"] = 500 } },
                new JsonObject { ["type"] = "employment-type", ["parameters"] = new JsonObject { ["type"] = "pendamping-pkh" } }),
        });
        scheme["portfolioRequirements"] = new JsonArray(
            new JsonObject { ["type"] = "case-record-count", ["parameters"] = new JsonObject { ["minimum"] = 1 } },
            new JsonObject
            {
                ["type"] = "essays",
                ["parameters"] = new JsonObject { ["essays"] = new JsonArray(new JsonObject { ["code"] = "K1", ["title"] = "Mengenal PKH", ["minimumWords"] = 30 }) },
            });
        var created = await (await _api.Admin.PostAsJsonAsync("/api/v1/schemes", scheme)).ShouldBeJson(HttpStatusCode.Created);
        created.GetProperty("version").GetInt32().Should().Be(1);
        created.GetProperty("eligibilityRoutes")[0].GetProperty("rules")[1].GetProperty("description").GetString().Should().Be("employed as pendamping-pkh");

        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate, 600);
        var portfolio = (await _api.OpenPortfolio(candidate, "TKS-PKH")).GetProperty("id").GetGuid();
        await _api.AddEvidence(portfolio, ApiDriver.CaseRecord("kemiskinan", allStages: true));
        await (await _api.Admin.PutAsJsonAsync($"/api/v1/portfolios/{portfolio}/essays/K1", new { text = ApiDriver.Words(30) })).ShouldBeJson(HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);

        var assessorId = await _api.RegisterAssessor("Bambang Sutrisno", "MET.P.0001", "Universitas Lampung");
        using var assessor = _factory.CreateClientWithKey(await _api.CreateKey("assessor", assessorId));
        var exam = (await _api.Post("/api/v1/exams", new
        {
            schemeCode = "TKS-PKH",
            title = "Uji Kompetensi PKH",
            venue = "TUK Dinas Sosial Provinsi Lampung",
            regionCode = "18.71",
            scheduledOn = _api.ExamDay,
            capacity = 5,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/assessors", new { assessorId }, HttpStatusCode.OK);
        var participant = (await _api.Post($"/api/v1/exams/{exam}/participants", new { portfolioId = portfolio, assessorId }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _api.Post($"/api/v1/exams/{exam}/start", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/exams/{exam}/impartiality", new { statement = "Saya netral." }, HttpStatusCode.OK, assessor);
        await _api.Post($"/api/v1/exams/{exam}/participants/{participant}/assessment", await _api.PassingSheet(portfolio), HttpStatusCode.OK, assessor);
        var decision = await _api.Post($"/api/v1/exams/{exam}/decision", new { decreeNumber = "SK-PKH-1", panel = new[] { new { name = "Drs. Hartono" } } }, HttpStatusCode.OK);

        var number = decision.GetProperty("results")[0].GetProperty("certificateNumber").GetString()!;
        number.Should().StartWith("PKH-2026-000001-");
        Domain.Certificates.CertificateNumber.Parse(number).IsSuccess.Should().BeTrue("the check digits are valid");
        var verified = await Get($"/api/v1/verify/{number}");
        verified.GetProperty("valid").GetBoolean().Should().BeTrue();
        verified.GetProperty("schemeName").GetString().Should().Be("Pendamping PKH Bersertifikat");

        var lks = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await (await _api.Admin.PatchAsJsonAsync($"/api/v1/candidates/{lks}", new { employment = new { type = "lks", organisation = "LKS Harapan", regionCode = "18.71" } }))
            .ShouldBeJson(HttpStatusCode.OK);
        await _api.RecordPractice(lks, 600);
        (await _api.OpenPortfolio(lks, "TKS-PKH")).GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString())
            .Should().Contain("eligibility.employment-type");
    }

    [SkippableFact]
    public async Task TheSeededVersions_AreTheDomainsSchemes()
    {
        foreach (var expected in SchemeCatalog.All)
        {
            var stored = await Get($"/api/v1/schemes/{expected.Code}");
            stored.GetProperty("version").GetInt32().Should().Be(1);
            stored.GetProperty("eligibilityRoutes").EnumerateArray().Select(r => r.GetProperty("description").GetString())
                .Should().Equal(expected.EligibilityRoutes.Select(r => r.Description));
            stored.GetProperty("portfolioRequirements").EnumerateArray().Select(r => r.GetProperty("description").GetString())
                .Should().Equal(expected.PortfolioRequirements.Select(r => r.Description));
            stored.GetProperty("recommendation").GetProperty("description").GetString().Should().Be(expected.Recommendation.Description);
            stored.GetProperty("renewal").GetProperty("eligibility").GetProperty("description").GetString().Should().Be(expected.Renewal.Route.Description);
            stored.GetProperty("essayDetails").EnumerateArray().Select(e => e.GetProperty("title").GetString()).Should().Equal(expected.Essays.Select(e => e.Title));
            (stored.GetProperty("validityYears").GetInt32(), stored.GetProperty("appealWindowDays").GetInt32(), stored.GetProperty("assessorLoadCap").GetInt32(),
                    stored.GetProperty("requiresSpecialisation").GetBoolean(), stored.GetProperty("certificatePrefix").GetString())
                .Should().Be((expected.ValidityYears, expected.AppealWindowDays, expected.MaxParticipantsPerAssessor, expected.RequiresSpecialisation, expected.CertificatePrefix));
        }
    }

    private async Task<(Guid Candidate, Guid Portfolio)> Accepted(int hours)
    {
        var candidate = (await _api.RegisterCandidate()).GetProperty("id").GetGuid();
        await _api.RecordPractice(candidate, hours);
        var portfolio = (await _api.OpenPortfolio(candidate)).GetProperty("id").GetGuid();
        await _api.CompleteGeneralis(portfolio);
        await _api.Post($"/api/v1/portfolios/{portfolio}/submit", null, HttpStatusCode.OK);
        await _api.Post($"/api/v1/portfolios/{portfolio}/accept", null, HttpStatusCode.OK);
        return (candidate, portfolio);
    }

    /// <summary>The current version as JSON to edit and post back (the body has the shape of the answer; its past effectiveFrom is dropped).</summary>
    private async Task<JsonObject> Scheme(string code)
    {
        var scheme = JsonNode.Parse((await Get($"/api/v1/schemes/{code}")).GetRawText())!.AsObject();
        scheme.Remove("effectiveFrom");
        return scheme;
    }

    /// <summary>The parameters of the first rule of <paramref name="type"/> in route <paramref name="route"/>.</summary>
    private static JsonObject Rule(JsonObject scheme, string list, int route, string type) =>
        scheme[list]![route]!["rules"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == type)!["parameters"]!.AsObject();

    private async Task<JsonElement> Get(string url) => await (await _api.Admin.GetAsync(url)).ShouldBeJson(HttpStatusCode.OK);
}

public sealed class SqliteSchemeVersionApiTests() : SchemeVersionApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresSchemeVersionApiTests() : SchemeVersionApiTests(DatabaseProvider.Postgres);
