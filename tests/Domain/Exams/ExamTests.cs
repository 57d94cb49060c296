using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Tests.Exams;

public sealed class ExamPlanningAndEnrolmentTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    [Fact]
    public void Plan_IsPlannedAndRaisesExamPlanned()
    {
        var exam = ExamScenario.Planned(_clock).Exam;

        exam.Status.Should().Be(ExamStatus.Planned);
        exam.DomainEvents.OfType<ExamPlanned>().Should().ContainSingle();
        exam.DomainEvents.OfType<AssessorAssigned>().Should().HaveCount(2);
    }

    [Fact]
    public void AssignAssessor_Twice_IsAlreadyAssigned()
    {
        var scenario = ExamScenario.Planned(_clock);

        scenario.Exam.AssignAssessor(scenario.Assessor, _clock).Error!.Code.Should().Be("exam.assessor-already-assigned");
    }

    [Fact]
    public void Enrol_AssessorFromTheCandidatesOrganisation_IsConflictOfInterest()
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock, organisation: "LSP  Pekerja Sosial indonesia");

        var result = scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock);

        result.Error!.Code.Should().Be("exam.conflict-of-interest");
        scenario.Exam.Participants.Should().BeEmpty();
    }

    [Fact]
    public void Enrol_AnotherAssessorForTheSameCandidate_IsAllowed()
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock, organisation: "LSP Pekerja Sosial Indonesia");

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.OtherAssessor.Id, ExamScenario.Scheme, false, _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Enrol_TenParticipantsPerAssessor_IsTheMost()
    {
        var scenario = ExamScenario.Planned(_clock);
        for (var i = 0; i < 10; i++)
        {
            scenario.Enrol();
        }

        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);
        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.assessor-overloaded");
        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.OtherAssessor.Id, ExamScenario.Scheme, false, _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Enrol_BeyondCapacity_IsCapacityReached()
    {
        var scenario = ExamScenario.Planned(_clock);
        var small = CompetencyExam.Plan(ExamScenario.Scheme, "Kecil", "TUK", Domain.Reference.RegionCode.Parse("18").Value, new DateOnly(2026, 11, 27), 1, _clock).Value;
        small.AssignAssessor(scenario.Assessor, _clock);
        var (c1, p1) = ExamScenario.AcceptedPortfolio(_clock);
        var (c2, p2) = ExamScenario.AcceptedPortfolio(_clock);

        small.Enrol(p1, new EligibilityContext(c1, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).IsSuccess.Should().BeTrue();
        small.Enrol(p2, new EligibilityContext(c2, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.capacity-reached");
    }

    [Fact]
    public void Enrol_APortfolioNotYetAccepted_IsNotAccepted()
    {
        var scenario = ExamScenario.Planned(_clock);
        var candidate = TestData.Candidate(practiceHours: 1_344);
        var portfolio = PortfolioTestData.Complete(candidate, ExamScenario.Scheme, _clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("portfolio.not-accepted");
    }

    [Fact]
    public void Enrol_APortfolioOfAnotherScheme_IsSchemeMismatch()
    {
        var scenario = ExamScenario.Planned(_clock);
        var candidate = TestData.Candidate(practiceHours: 5_000, trainingHours: 200);
        var portfolio = PortfolioTestData.Complete(candidate, SchemeCatalog.TksGeneralis, _clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.scheme-mismatch");
    }

    [Fact]
    public void Enrol_ACandidateInAnotherUndecidedExamOfTheScheme_IsAlreadyEnrolled()
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, true, _clock).Error!.Code.Should().Be("exam.already-enrolled");
    }

    [Fact]
    public void Enrol_TheSameCandidateTwice_IsAlreadyEnrolled()
    {
        var scenario = ExamScenario.Planned(_clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);
        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.OtherAssessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.already-enrolled");
    }

    [Fact]
    public void Enrol_WithAnUnassignedAssessor_IsRefused()
    {
        var scenario = ExamScenario.Planned(_clock);
        var stranger = ExamScenario.NewAssessor("Orang Lain", "MET.9", "LKS Lain", "lain@example.org", _clock);
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), stranger.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.assessor-not-assigned");
    }

    [Fact]
    public void Enrol_AfterStart_IsInvalidStatus()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Start();
        var (candidate, portfolio) = ExamScenario.AcceptedPortfolio(_clock);

        scenario.Exam.Enrol(portfolio, new EligibilityContext(candidate, []), scenario.Assessor.Id, ExamScenario.Scheme, false, _clock).Error!.Code.Should().Be("exam.invalid-status");
    }

    [Fact]
    public void Start_WithoutParticipants_IsRefused()
    {
        ExamScenario.Planned(_clock).Exam.Start(_clock).Error!.Code.Should().Be("exam.no-participants");
    }

    [Fact]
    public void Start_Twice_IsInvalidStatus()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Start();

        scenario.Exam.Start(_clock).Error!.Code.Should().Be("exam.invalid-status");
        scenario.Exam.Status.Should().Be(ExamStatus.InProgress);
    }
}

public sealed class ExamAssessmentTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    private ExamScenario Started()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Enrol(scenario.OtherAssessor);
        return scenario.Start();
    }

    [Fact]
    public void Assess_BeforeDeclaringImpartiality_IsImpartialityRequired()
    {
        var scenario = Started();
        var (_, portfolio, participant) = scenario.Enrolled[0];

        scenario.Exam.Assess(participant.Id, scenario.Assessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("exam.impartiality-required");
    }

    [Fact]
    public void Assess_ByAnotherAssessor_IsNotYourParticipant()
    {
        var scenario = Started().DeclareAll();
        var (_, portfolio, participant) = scenario.Enrolled[0];

        var error = scenario.Exam.Assess(participant.Id, scenario.OtherAssessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock).Error!;

        error.Code.Should().Be("exam.not-your-participant");
        error.Kind.Should().Be(Common.ErrorKind.Forbidden);
        participant.Assessment.Should().BeNull();
    }

    [Fact]
    public void Assess_BeforeTheExamStarts_IsInvalidStatus()
    {
        var scenario = ExamScenario.Planned(_clock);
        var participant = scenario.Enrol();
        var portfolio = scenario.Enrolled[0].Portfolio;

        scenario.Exam.Assess(participant.Id, scenario.Assessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("exam.invalid-status");
    }

    [Fact]
    public void Assess_UnknownParticipant_IsNotFound()
    {
        var scenario = Started().DeclareAll();
        var portfolio = scenario.Enrolled[0].Portfolio;

        scenario.Exam.Assess(Guid.NewGuid(), scenario.Assessor.Id, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("exam.participant-not-found");
    }

    [Fact]
    public void DeclareImpartiality_ByAnUnassignedAssessor_IsForbidden()
    {
        var scenario = Started();

        scenario.Exam.DeclareImpartiality(Assessors.AssessorId.New(), TestData.Text("x"), _clock).Error!.Code.Should().Be("exam.assessor-not-assigned");
    }

    [Fact]
    public void DeclareImpartiality_Twice_IsAlreadyDeclared()
    {
        var scenario = Started().DeclareAll();

        scenario.Exam.DeclareImpartiality(scenario.Assessor.Id, TestData.Text("lagi"), _clock).Error!.Code.Should().Be("exam.impartiality-already-declared");
    }

    [Fact]
    public void Assess_WhenEveryComponentPasses_RecommendsK()
    {
        var scenario = Started().DeclareAll();

        var outcome = scenario.Assess();

        outcome.Recommendation.Should().Be(AssessmentResult.Competent);
        scenario.Enrolled[0].Participant.Assessment!.Outcome.Should().Be(outcome);
    }

    [Theory]
    [InlineData(59, "k", false)]
    [InlineData(60, "k", true)]
    [InlineData(100, "bk", false)]
    public void Recommend_WrittenPassMarkAndInterview(int written, string interview, bool competent)
    {
        var portfolio = ExamScenario.AcceptedPortfolio(_clock).Item2;

        var outcome = AssessmentRecommendation.Recommend(ExamScenario.Sheet(portfolio, written, interview), portfolio.Contents, ExamScenario.Scheme);

        outcome.Recommendation.IsCompetent.Should().Be(competent);
    }

    [Fact]
    public void Recommend_WhenARequiredCaseRecordFailsAVatmCheck_IsBK()
    {
        var portfolio = ExamScenario.AcceptedPortfolio(_clock).Item2;

        var outcome = AssessmentRecommendation.Recommend(ExamScenario.Sheet(portfolio, allVatmPass: false), portfolio.Contents, ExamScenario.Scheme);

        outcome.Portfolio.Should().Be(AssessmentResult.NotYetCompetent);
        outcome.Recommendation.Should().Be(AssessmentResult.NotYetCompetent);
        outcome.Written.Should().Be(AssessmentResult.Competent);
    }

    [Fact]
    public void Recommend_WhenOnlyASupportingItemFailsVatm_TheRequirementsStillHoldAndItIsK()
    {
        var candidate = TestData.Candidate(practiceHours: 1_344, clock: _clock);
        var portfolio = PortfolioTestData.Complete(candidate, ExamScenario.Scheme, _clock);
        var supporting = portfolio.AddEvidence(PortfolioTestData.Document("other"), _clock).Value;
        var sheet = ExamScenario.Sheet(portfolio);
        sheet = sheet with
        {
            EvidenceVerdicts = sheet.EvidenceVerdicts
                .Select(v => v.EvidenceId == supporting.Id ? v with { Verdict = new VatmVerdict(true, false, true, true) } : v).ToList(),
        };

        var outcome = AssessmentRecommendation.Recommend(sheet, portfolio.Contents, ExamScenario.Scheme);

        outcome.Portfolio.Should().Be(AssessmentResult.Competent);
        outcome.Recommendation.Should().Be(AssessmentResult.Competent);
    }

    [Fact]
    public void Recommend_AverageEssayScoreBelow3_IsBK()
    {
        var portfolio = ExamScenario.AcceptedPortfolio(_clock).Item2;

        // 13 essays at 3 and one at 2: average 2.93.
        AssessmentRecommendation.Recommend(ExamScenario.Sheet(portfolio, essayScore: 3, lowEssay: 2), portfolio.Contents, ExamScenario.Scheme)
            .Recommendation.Should().Be(AssessmentResult.NotYetCompetent);
    }

    [Fact]
    public void Recommend_AverageExactly3_IsK()
    {
        var portfolio = ExamScenario.AcceptedPortfolio(_clock).Item2;

        AssessmentRecommendation.Recommend(ExamScenario.Sheet(portfolio, essayScore: 3), portfolio.Contents, ExamScenario.Scheme).Recommendation.Should().Be(AssessmentResult.Competent);
    }

    [Fact]
    public void Recommend_AnyEssayBelow2_IsBKEvenWithAHighAverage()
    {
        var portfolio = ExamScenario.AcceptedPortfolio(_clock).Item2;

        AssessmentRecommendation.Recommend(ExamScenario.Sheet(portfolio, essayScore: 5, lowEssay: 1), portfolio.Contents, ExamScenario.Scheme)
            .Recommendation.Should().Be(AssessmentResult.NotYetCompetent);
    }

    [Fact]
    public void Assess_WithoutAVerdictForEveryEvidenceItem_IsVerdictsIncomplete()
    {
        var scenario = Started().DeclareAll();
        var (_, portfolio, participant) = scenario.Enrolled[0];
        var full = ExamScenario.Sheet(portfolio);
        var partial = full with { EvidenceVerdicts = full.EvidenceVerdicts.Skip(1).ToList() };

        scenario.Exam.Assess(participant.Id, scenario.Assessor.Id, partial, portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("assessment.verdicts-incomplete");
    }

    [Fact]
    public void Assess_WithoutAScoreForEveryEssay_IsEssayScoresIncomplete()
    {
        var scenario = Started().DeclareAll();
        var (_, portfolio, participant) = scenario.Enrolled[0];
        var full = ExamScenario.Sheet(portfolio);
        var partial = full with { EssayScores = full.EssayScores.Skip(1).ToList() };

        var error = scenario.Exam.Assess(participant.Id, scenario.Assessor.Id, partial, portfolio, ExamScenario.Scheme, null, _clock).Error!;

        error.Code.Should().Be("assessment.essay-scores-incomplete");
        error.Message.Should().Contain("K1");
    }

}

public sealed class ExamDecisionAndAppealTests
{
    private readonly FakeTimeProvider _clock = TestData.Clock();

    private ExamScenario Assessed(string secondInterview = "bk")
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Enrol(scenario.OtherAssessor);
        scenario.Start().DeclareAll();
        scenario.Assess(0);
        scenario.Assess(1, interview: secondInterview);
        return scenario;
    }

    [Fact]
    public void Decide_ConfirmsRecommendationsAndReturnsTheKResults()
    {
        var scenario = Assessed().Decide();

        scenario.Exam.Status.Should().Be(ExamStatus.Decided);
        scenario.Exam.Participants.Select(p => p.Result).Should().Equal(AssessmentResult.Competent, AssessmentResult.NotYetCompetent);
        scenario.Competent.Should().ContainSingle().Which.ParticipantId.Should().Be(scenario.Enrolled[0].Participant.Id);
        scenario.Competent[0].Source.Should().Contain("12/LSP-PS/XII/2026");
        scenario.Exam.DomainEvents.OfType<ExamDecided>().Should().ContainSingle();
    }

    [Fact]
    public void Decide_BeforeEveryoneIsAssessed_IsNotFullyAssessed()
    {
        var scenario = ExamScenario.Planned(_clock);
        scenario.Enrol();
        scenario.Enrol(scenario.OtherAssessor);
        scenario.Start().DeclareAll();
        scenario.Assess(0);

        scenario.Exam.Decide("1/2026", [new PanelMember("Ketua", null)], [], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock).Error!.Code.Should().Be("exam.not-fully-assessed");
    }

    [Fact]
    public void Decide_WithAPanelMemberWhoAssessedParticipants_IsPanelConflict()
    {
        var scenario = Assessed();

        var error = scenario.Exam.Decide("1/2026", [new PanelMember("Ketua", null), new PanelMember("Dra. Wahyuni", scenario.Assessor.Id)], [], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock).Error!;

        error.Code.Should().Be("exam.panel-conflict");
        scenario.Exam.Status.Should().Be(ExamStatus.InProgress);
    }

    [Theory]
    [InlineData("WAHYUNI, S.Sos.")]
    [InlineData("Dr. Wahyuni")]
    public void Decide_WithAnAssessorNamedWithoutTheirId_IsPanelConflict(string name)
    {
        var scenario = Assessed();

        scenario.Exam.Decide("1/2026", [new PanelMember(name, null)], [], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock).Error!.Code.Should().Be("exam.panel-conflict");
    }

    [Fact]
    public void Decide_WithAnAssessorOfAnotherExamOnThePanel_IsAllowed()
    {
        var scenario = Assessed();

        scenario.Exam.Decide("1/2026", [new PanelMember("Asesor lain", Assessors.AssessorId.New())], [], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Decide_OverrideWithReason_ChangesTheResult()
    {
        var scenario = Assessed();
        var second = scenario.Enrolled[1].Participant;

        scenario.Decide(new ResultOverride(second.Id, AssessmentResult.Competent, "Wawancara ulang menunjukkan kompetensi."));

        second.Result.Should().Be(AssessmentResult.Competent);
        second.OverrideReason.Should().Be("Wawancara ulang menunjukkan kompetensi.");
        scenario.Competent.Should().HaveCount(2);
    }

    [Fact]
    public void Decide_OverrideOfAStranger_IsUnknownParticipant()
    {
        var scenario = Assessed();

        scenario.Exam.Decide("1/2026", [new PanelMember("Ketua", null)], [new ResultOverride(Guid.NewGuid(), AssessmentResult.Competent, "alasan")], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock)
            .Error!.Code.Should().Be("decision.unknown-participant");
    }

    [Fact]
    public void Decide_Twice_IsInvalidStatus_DecidedResultsDoNotChange()
    {
        var scenario = Assessed().Decide();

        scenario.Exam.Decide("2/2026", [new PanelMember("Ketua", null)], [new ResultOverride(scenario.Enrolled[1].Participant.Id, AssessmentResult.Competent, "ubah")], _ => ExamScenario.Scheme, (IReadOnlyDictionary<Domain.Candidates.CandidateId, EligibilityContext>)scenario.Eligibility, _clock)
            .Error!.Code.Should().Be("exam.invalid-status");
        scenario.Enrolled[1].Participant.Result.Should().Be(AssessmentResult.NotYetCompetent);
    }

    [Fact]
    public void Assess_AfterDecision_IsInvalidStatus()
    {
        var scenario = Assessed().Decide();
        var (_, portfolio, participant) = scenario.Enrolled[1];

        scenario.Exam.Assess(participant.Id, participant.AssessorId, ExamScenario.Sheet(portfolio), portfolio, ExamScenario.Scheme, null, _clock)
            .Error!.Code.Should().Be("exam.invalid-status");
    }

    [Theory]
    [InlineData("2026-12-12T16:59:59Z", true)]
    [InlineData("2026-12-12T17:00:00Z", false)]
    public void Appeal_OnDay14_ClosesAtMidnightInTheLspsTimeZone(string filedAt, bool accepted)
    {
        _clock.SetLocalTimeZone(TestData.Wib);
        var scenario = Assessed();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)); // 06:30 WIB on 28 November
        scenario.Decide();
        scenario.Exam.Decision!.AppealDeadline.Should().Be(new DateOnly(2026, 12, 12), "the decision is of 28 November in the LSP's calendar");

        _clock.SetUtcNow(DateTimeOffset.Parse(filedAt, System.Globalization.CultureInfo.InvariantCulture));
        var filed = scenario.Exam.FileAppeal(scenario.Enrolled[1].Participant.Id, TestData.Text("Mohon ditinjau."), ExamScenario.Scheme, _clock);

        filed.IsSuccess.Should().Be(accepted, filedAt);
        if (!accepted)
        {
            filed.Error!.Code.Should().Be("appeal.window-closed");
        }
    }

    [Fact]
    public void AppealDeadline_IsShownForBkParticipantsOnly()
    {
        var scenario = Assessed().Decide();

        scenario.Exam.AppealDeadlineFor(scenario.Enrolled[0].Participant).Should().BeNull("a K has nothing to appeal");
        scenario.Exam.AppealDeadlineFor(scenario.Enrolled[1].Participant).Should().Be(new DateOnly(2026, 11, 27).AddDays(14));
    }

    [Fact]
    public void Appeal_OnTheLastDayOfTheWindow_IsFiled()
    {
        var scenario = Assessed().Decide();
        _clock.Advance(TimeSpan.FromDays(14));

        scenario.Exam.FileAppeal(scenario.Enrolled[1].Participant.Id, TestData.Text("Mohon peninjauan ulang wawancara."), ExamScenario.Scheme, _clock).IsSuccess.Should().BeTrue();
        scenario.Exam.DomainEvents.OfType<AppealFiled>().Should().ContainSingle();
    }

    [Fact]
    public void Appeal_OneDayAfterTheWindow_IsWindowClosed()
    {
        var scenario = Assessed().Decide();
        _clock.Advance(TimeSpan.FromDays(15));

        scenario.Exam.FileAppeal(scenario.Enrolled[1].Participant.Id, TestData.Text("Terlambat."), ExamScenario.Scheme, _clock).Error!.Code.Should().Be("appeal.window-closed");
    }

    [Fact]
    public void Appeal_OfAKResult_IsRefused()
    {
        var scenario = Assessed().Decide();

        scenario.Exam.FileAppeal(scenario.Enrolled[0].Participant.Id, TestData.Text("x"), ExamScenario.Scheme, _clock).Error!.Code.Should().Be("appeal.not-bk");
    }

    [Fact]
    public void Appeal_Twice_IsAlreadyFiled()
    {
        var scenario = Assessed().Decide();
        var id = scenario.Enrolled[1].Participant.Id;
        scenario.Exam.FileAppeal(id, TestData.Text("pertama"), ExamScenario.Scheme, _clock);

        scenario.Exam.FileAppeal(id, TestData.Text("kedua"), ExamScenario.Scheme, _clock).Error!.Code.Should().Be("appeal.already-filed");
    }

    [Fact]
    public void Appeal_BeforeTheDecision_IsInvalidStatus()
    {
        var scenario = Assessed();

        scenario.Exam.FileAppeal(scenario.Enrolled[1].Participant.Id, TestData.Text("x"), ExamScenario.Scheme, _clock).Error!.Code.Should().Be("exam.invalid-status");
    }

    [Fact]
    public void ResolveAppeal_Upheld_MakesTheResultKAndReturnsIt()
    {
        var scenario = Assessed().Decide();
        var participant = scenario.Enrolled[1].Participant;
        scenario.Exam.FileAppeal(participant.Id, TestData.Text("Mohon ditinjau."), ExamScenario.Scheme, _clock);

        var competent = scenario.Exam.ResolveAppeal(participant.Id, true, TestData.Text("Bukti tambahan diterima."), _clock).Value;

        competent!.ParticipantId.Should().Be(participant.Id);
        competent.Source.Should().Be("appeal upheld");
        participant.Result.Should().Be(AssessmentResult.Competent);
        participant.Appeal!.Upheld.Should().BeTrue();
    }

    [Fact]
    public void ResolveAppeal_Dismissed_KeepsBK()
    {
        var scenario = Assessed().Decide();
        var participant = scenario.Enrolled[1].Participant;
        scenario.Exam.FileAppeal(participant.Id, TestData.Text("Mohon ditinjau."), ExamScenario.Scheme, _clock);

        scenario.Exam.ResolveAppeal(participant.Id, false, TestData.Text("Tidak ada bukti baru."), _clock).Value.Should().BeNull();

        participant.Result.Should().Be(AssessmentResult.NotYetCompetent);
    }

    [Fact]
    public void ResolveAppeal_Twice_IsAlreadyResolved()
    {
        var scenario = Assessed().Decide();
        var participant = scenario.Enrolled[1].Participant;
        scenario.Exam.FileAppeal(participant.Id, TestData.Text("Mohon ditinjau."), ExamScenario.Scheme, _clock);
        scenario.Exam.ResolveAppeal(participant.Id, false, TestData.Text("Tidak."), _clock);

        scenario.Exam.ResolveAppeal(participant.Id, true, TestData.Text("Ya."), _clock).Error!.Code.Should().Be("appeal.already-resolved");
        participant.Result.Should().Be(AssessmentResult.NotYetCompetent);
    }

    [Fact]
    public void ResolveAppeal_WithoutAnAppeal_IsNotFound()
    {
        var scenario = Assessed().Decide();

        scenario.Exam.ResolveAppeal(scenario.Enrolled[1].Participant.Id, true, TestData.Text("x"), _clock).Error!.Code.Should().Be("appeal.not-found");
    }
}
