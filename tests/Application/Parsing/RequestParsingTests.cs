using Peksos.Clean.Application.Candidates.RecordPractice;
using Peksos.Clean.Application.Exams.DecideExam;
using Peksos.Clean.Application.Exams.PlanExam;
using Peksos.Clean.Application.Exams.RecordAssessment;
using Peksos.Clean.Application.Portfolios.AddEvidence;

namespace Peksos.Clean.Application.Tests.Parsing;

/// <summary>Requests become value objects in one place, each error under the request's own field.</summary>
public sealed class RequestParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The three seeded schemes, as the running system's catalog would hold them (their stored definitions do not matter here).</summary>
    private static readonly Peksos.Clean.Application.Schemes.ISchemeCatalog Schemes = new SeededSchemes();

    private sealed class SeededSchemes : Peksos.Clean.Application.Schemes.ISchemeCatalog
    {
        public IReadOnlyList<Peksos.Clean.Application.Schemes.SchemeVersionEntry> All { get; } = Domain.Schemes.SchemeCatalog.All
            .Select(s => new Peksos.Clean.Application.Schemes.SchemeVersionEntry(s, new(s.Code, s.Name, s.Level, s.CertificatePrefix, null, null, null, null, null, null, null, null), Now))
            .ToList();

        public IReadOnlyList<Peksos.Clean.Application.Schemes.SchemeVersionEntry> Versions(string? code) => All.Where(e => e.Scheme.Code == code).ToList();

        public void Published(Peksos.Clean.Application.Schemes.SchemeVersionEntry entry) => throw new NotSupportedException();
    }

    [Fact]
    public void PlanExam_WithBadInput_ListsEveryField()
    {
        var error = new PlanExam("PEKSOS-GENERALIS", "", "", "99", null, 0).Parse(Schemes, Now).Error!;

        error.Details.Select(d => d.Field).Should().BeEquivalentTo(["title", "venue", "regionCode", "scheduledOn", "capacity"]);
    }

    [Fact]
    public void PlanExam_WithAnUnknownScheme_IsSchemeInvalid()
    {
        new PlanExam("PEKSOS-MAGANG", "Ujikom", "TUK", "18", new DateOnly(2026, 12, 1), 10).Parse(Schemes, Now).Error!.Should()
            .Match<Domain.Common.Error>(e => e.Code == "scheme.invalid" && e.Field == "schemeCode");
    }

    [Fact]
    public void RecordPractice_ReportsEveryBadFieldAtOnce()
    {
        var error = new RecordPractice(Guid.NewGuid(), "", "", null, null, 0, "poverty").Parse().Error!;

        error.Details.Select(d => d.Field).Should().BeEquivalentTo(["organisation", "role", "startDate", "endDate", "pmksCategory", "hours"]);
    }

    [Fact]
    public void RecordPractice_WhenEndBeforeStart_IsPeriodInvalidAtEndDate()
    {
        var error = new RecordPractice(Guid.NewGuid(), "LKS", "Pendamping", new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), 10, "kecacatan").Parse().Error!;

        error.Code.Should().Be("period.invalid");
        error.Field.Should().Be("endDate");
    }

    [Fact]
    public void AddEvidence_CaseRecordWithoutCategoryStagesOrClient_ListsEachMissingField()
    {
        var error = new AddEvidence(Guid.NewGuid(), "case-record", "Kasus", null, null, null, null, null).Parse().Error!;

        error.Details.Select(d => d.Field).Should().BeEquivalentTo(["pmksCategory", "helpingStages", "clientType"]);
        error.Code.Should().Be("evidence.case-record-incomplete");
    }

    [Fact]
    public void AddEvidence_UnknownKindOrStage_IsRefused()
    {
        new AddEvidence(Guid.NewGuid(), "photo", "Foto", null, null, null, null, null).Parse().Error!.Code.Should().Be("evidence-kind.invalid");
        new AddEvidence(Guid.NewGuid(), "case-record", "Kasus", null, null, "kemiskinan", ["engagement", "closure"], "family").Parse()
            .Error!.Code.Should().Be("helping-stage.invalid");
    }

    [Fact]
    public void RecordAssessment_OutOfRangeValues_AreEachReported()
    {
        var sheet = new RecordAssessment(Guid.NewGuid(), Guid.NewGuid(), 101, "maybe", null,
            [new EvidenceVerdictInput(Guid.NewGuid(), true, null, true, true, null)], [new EssayScoreInput("K1", 6), new EssayScoreInput("Z9", 3)]);

        sheet.Parse().Error!.Details.Select(d => d.Code).Should().BeEquivalentTo(
            ["assessment.written-score-invalid", "result.invalid", "assessment.verdict-incomplete", "assessment.essay-score-invalid", "essay.code-invalid"]);
    }

    [Fact]
    public void DecideExam_OverrideWithoutReason_IsRefusedAtItsField()
    {
        var decision = new DecideExam(Guid.NewGuid(), "1/2026", [new PanelMemberInput("Ketua Pleno", null)], [new OverrideInput(Guid.NewGuid(), "k", " ")]);

        var error = decision.Parse().Error!;

        error.Code.Should().Be("decision.override-reason-required");
        error.Field.Should().Be("overrides[0].reason");
    }

    [Fact]
    public void DecideExam_WithoutDecreeOrPanel_ListsBoth()
    {
        var error = new DecideExam(Guid.NewGuid(), " ", [], null).Parse().Error!;

        error.Details.Select(d => d.Field).Should().BeEquivalentTo(["decreeNumber", "panel"]);
        error.Details.Select(d => d.Code).Should().BeEquivalentTo(["decision.decree-number-required", "decision.panel-required"]);
    }
}
