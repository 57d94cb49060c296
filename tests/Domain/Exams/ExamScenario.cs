using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Tests.Exams;

/// <summary>Builds an exam step by step with valid defaults, so each test changes only what it is about.</summary>
public sealed class ExamScenario
{
    public static readonly CertificationScheme Scheme = SchemeCatalog.PeksosGeneralis;

    private ExamScenario(TimeProvider clock)
    {
        Clock = clock;
        Assessor = NewAssessor("Dra. Wahyuni", "MET.000.001", "LSP Pekerja Sosial Indonesia", "wahyuni@example.org", clock);
        OtherAssessor = NewAssessor("Bambang Sutrisno", "MET.000.002", "Universitas Lampung", "bambang@example.org", clock);
        Exam = CompetencyExam.Plan(Scheme, "Uji Kompetensi Lampung 2026", "TUK Dinas Sosial Provinsi Lampung", Domain.Reference.RegionCode.Parse("18.71").Value, new DateOnly(2026, 11, 27), 40, clock).Value;
        Exam.AssignAssessor(Assessor, clock).IsSuccess.Should().BeTrue();
        Exam.AssignAssessor(OtherAssessor, clock).IsSuccess.Should().BeTrue();
    }

    public TimeProvider Clock { get; }

    public Assessor Assessor { get; }

    public Assessor OtherAssessor { get; }

    public CompetencyExam Exam { get; }

    public List<(Candidate Candidate, Portfolio Portfolio, ExamParticipant Participant)> Enrolled { get; } = [];

    public IReadOnlyList<CompetentResult> Competent { get; private set; } = [];

    /// <summary>The eligibility facts of each enrolled candidate, as the decision sees them (a test may change one).</summary>
    public Dictionary<CandidateId, EligibilityContext> Eligibility { get; } = [];

    public static ExamScenario Planned(TimeProvider clock) => new(clock);

    public static Assessor NewAssessor(string name, string registrationNumber, string organisation, string email, TimeProvider clock) =>
        Assessors.Assessor.Register(PersonName.Parse(name).Value, registrationNumber, organisation, Email.Parse(email).Value, clock);

    public static (Candidate, Portfolio) AcceptedPortfolio(TimeProvider clock, string organisation = "Dinas Sosial Kota Bandar Lampung", CertificationScheme? scheme = null)
    {
        scheme ??= Scheme;
        var candidate = TestData.Candidate(practiceHours: 1_344, organisation: organisation, clock: clock);
        var portfolio = PortfolioTestData.Complete(candidate, scheme, clock);
        portfolio.Submit(scheme, new EligibilityContext(candidate, []), clock).IsSuccess.Should().BeTrue();
        portfolio.Accept(scheme, new EligibilityContext(candidate, []), clock).IsSuccess.Should().BeTrue();
        return (candidate, portfolio);
    }

    public ExamParticipant Enrol(Assessor? assessor = null, string organisation = "Dinas Sosial Kota Bandar Lampung")
    {
        var (candidate, portfolio) = AcceptedPortfolio(Clock, organisation);
        var participant = Exam.Enrol(portfolio, new EligibilityContext(candidate, []), (assessor ?? Assessor).Id, Scheme, false, Clock).Value;
        Enrolled.Add((candidate, portfolio, participant));
        Eligibility[candidate.Id] = new EligibilityContext(candidate, []);
        return participant;
    }

    public ExamScenario Start()
    {
        Exam.Start(Clock).IsSuccess.Should().BeTrue();
        return this;
    }

    public ExamScenario DeclareAll()
    {
        Exam.DeclareImpartiality(Assessor.Id, TestData.Text("Saya menyatakan tidak memiliki konflik kepentingan."), Clock).IsSuccess.Should().BeTrue();
        Exam.DeclareImpartiality(OtherAssessor.Id, TestData.Text("Saya menyatakan tidak memiliki konflik kepentingan."), Clock).IsSuccess.Should().BeTrue();
        return this;
    }

    public static AssessmentSheet Sheet(Portfolio portfolio, int written = 75, string interview = "k", bool allVatmPass = true, int essayScore = 4, int? lowEssay = null)
    {
        var verdicts = portfolio.Evidence
            .Select((e, i) => new EvidenceVerdict(e.Id, new VatmVerdict(true, true, allVatmPass || i > 0, true), null))
            .ToList();
        var scores = Scheme.EssayCodes
            .Select((c, i) => new EssayScore(c, i == 0 && lowEssay is not null ? lowEssay.Value : essayScore))
            .ToList();
        return new AssessmentSheet(written, AssessmentResult.FromCode(interview).Value, "Wawancara lancar.", verdicts, scores);
    }

    public AssessmentOutcome Assess(int index = 0, int written = 75, string interview = "k")
    {
        var (_, portfolio, participant) = Enrolled[index];
        return Exam.Assess(participant.Id, participant.AssessorId, Sheet(portfolio, written, interview), portfolio, Scheme, null, Clock).Value;
    }

    public ExamScenario Decide(params ResultOverride[] overrides)
    {
        Competent = Exam.Decide("12/LSP-PS/XII/2026", [new PanelMember("Drs. Hartono, M.Si.", null)], overrides, _ => ExamScenario.Scheme, (IReadOnlyDictionary<CandidateId, EligibilityContext>)Eligibility, Clock).Value;
        return this;
    }

    /// <summary>An exam decided with one participant recommended K.</summary>
    public static ExamScenario Decided(TimeProvider clock)
    {
        var scenario = Planned(clock);
        scenario.Enrol();
        scenario.Start().DeclareAll();
        scenario.Assess();
        return scenario.Decide();
    }
}
