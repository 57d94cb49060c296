using System.Globalization;
using Mediator;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Assessors.RegisterAssessor;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Candidates.RecordPractice;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Application.Candidates.SearchCandidate;
using Peksos.Clean.Application.Exams.AssignExamAssessor;
using Peksos.Clean.Application.Exams.DecideExam;
using Peksos.Clean.Application.Exams.DeclareImpartiality;
using Peksos.Clean.Application.Exams.EnrolParticipant;
using Peksos.Clean.Application.Exams.FileAppeal;
using Peksos.Clean.Application.Exams.PlanExam;
using Peksos.Clean.Application.Exams.RecordAssessment;
using Peksos.Clean.Application.Exams.StartExam;
using Peksos.Clean.Application.Portfolios.AcceptPortfolio;
using Peksos.Clean.Application.Portfolios.AddEvidence;
using Peksos.Clean.Application.Portfolios.OpenPortfolio;
using Peksos.Clean.Application.Portfolios.SubmitPortfolio;
using Peksos.Clean.Application.Portfolios.WriteEssay;
using Peksos.Clean.Application.Trainings.CompleteTraining;
using Peksos.Clean.Application.Trainings.EnrolTrainingParticipant;
using Peksos.Clean.Application.Trainings.PlanTraining;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Api;

/// <summary><c>seed-demo</c>: fills an empty database through the use cases with a Bimtek, an exam round of 20, certificates and an appeal (synthetic NIKs).</summary>
public static class DemoSeeder
{
    private static readonly string[] GivenNames =
    [
        "Siti", "Ahmad", "Dewi", "Budi", "Rina", "Agus", "Wulan", "Eko", "Lestari", "Hendra", "Yuliana", "Rizky", "Nurhayati", "Fajar", "Indah", "Joko",
        "Kartika", "Dimas", "Ratna", "Teguh", "Maya", "Ilham", "Sri", "Bayu",
    ];

    private static readonly string[] FamilyNames = ["Rahmawati", "Saputra", "Lestari", "Wijaya", "Pratama", "Handayani", "Kurniawan", "Susanti", "Hidayat", "Utami"];

    private static readonly (string Type, string Organisation, string Region)[] Workplaces =
    [
        ("dinas-sosial", "Dinas Sosial Provinsi Lampung", "18"),
        ("pendamping-pkh", "Program Keluarga Harapan Kota Bandar Lampung", "18.71"),
        ("pendamping-pkh", "Program Keluarga Harapan Kabupaten Lampung Selatan", "18.01"),
        ("lks", "LKS Anak Harapan Bangsa", "18.72"),
        ("dinas-sosial", "Dinas Sosial Kabupaten Pringsewu", "18.10"),
        ("lks", "LKS Lanjut Usia Sejahtera", "18.06"),
    ];

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, string baseUrl, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var actor = sp.GetRequiredService<HttpCurrentActor>();
        actor.ActAs("seed-demo", Roles.Admin);
        var sender = sp.GetRequiredService<ISender>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.Today();

        if ((await sender.Send(new SearchCandidate(Nik(0)), ct)).IsSuccess)
        {
            await output.WriteLineAsync("The demo data is already there; nothing to do.");
            return 0;
        }

        var candidates = new List<CandidateDto>();
        for (var i = 0; i < 46; i++)
        {
            var (type, organisation, region) = Workplaces[i % Workplaces.Length];
            var female = i % 2 == 0;
            var name = $"{GivenNames[i % GivenNames.Length]} {FamilyNames[i % FamilyNames.Length]}, S.Sos.";
            var registered = Ok(await sender.Send(new RegisterCandidate(
                Nik(i), name, new DateOnly(1985 + (i % 12), 1 + (i % 12), 1 + (i % 28)), female ? "F" : "M",
                $"peserta{i + 1}@contoh.example", $"0812{i + 10_000_000:D8}",
                new EducationInput(i % 5 == 0 ? "D4" : "S1", i % 7 == 0 && i >= 20 ? "other" : "kesejahteraan-sosial", "Universitas Lampung", 2008 + (i % 10)),
                new EmploymentInput(type, organisation, region),
                [i % 3 == 0 ? "kemiskinan" : "keterlantaran", i % 4 == 0 ? "kecacatan" : "korban-bencana"]), ct), "register candidate");
            Ok(await sender.Send(new RecordPractice(registered.Id, "LKS dan layanan sosial di Lampung", "Pekerja sosial",
                today.AddYears(-3), today.AddDays(-2), i % 7 == 0 ? 2_800 : 1_400, "kemiskinan"), ct), "record practice");
            candidates.Add(registered);
        }

        var bimtek = Ok(await sender.Send(new PlanTraining("Bimtek Persiapan Sertifikasi Pekerja Sosial", "Dinas Sosial Provinsi Lampung",
            "Balai Diklat Kesejahteraan Sosial, Bandar Lampung", "18.71", today.AddDays(-9), today.AddDays(-8), 16, 46), ct), "plan training");
        foreach (var c in candidates)
        {
            Ok(await sender.Send(new EnrolTrainingParticipant(bimtek.Id, c.Id), ct), "enrol in training");
        }

        Ok(await sender.Send(new CompleteTraining(bimtek.Id, candidates.Select((c, i) => new AttendanceInput(c.Id, i % 15 == 14 ? 8 : 16)).ToList()), ct),
            "complete training");

        var assessors = new List<AssessorDto>();
        foreach (var (name, number, organisation) in new[]
        {
            ("Dra. Wahyuni Sulistyowati, M.Si.", "MET.000.07321.2019", "LSP Pekerja Sosial Indonesia"),
            ("Dr. Bambang Sutrisno, M.Kesos.", "MET.000.05512.2018", "Universitas Lampung"),
            ("Ratna Dewi Anggraini, M.Sos.", "MET.000.09007.2020", "Politeknik Kesejahteraan Sosial Bandung"),
        })
        {
            assessors.Add(Ok(await sender.Send(new RegisterAssessor(name, number, organisation, $"{number[8..13]}@asesor.example"), ct), "register assessor"));
        }

        var exam = Ok(await sender.Send(new PlanExam("PEKSOS-GENERALIS", "Uji Kompetensi Pekerja Sosial Generalis Angkatan I", "TUK Dinas Sosial Provinsi Lampung",
            "18.71", today, 40), ct), "plan exam");
        foreach (var assessor in assessors)
        {
            Ok(await sender.Send(new AssignExamAssessor(exam.Id, assessor.Id), ct), "assign assessor");
        }

        var participants = new List<(Guid Participant, Guid Portfolio, Guid Assessor)>();
        foreach (var (candidate, i) in candidates.Take(20).Select((c, i) => (c, i)))
        {
            var portfolio = Ok(await sender.Send(new OpenPortfolio(candidate.Id, "PEKSOS-GENERALIS", null), ct), "open portfolio");
            await FillAsync(sender, portfolio.Id, ct);
            Ok(await sender.Send(new SubmitPortfolio(portfolio.Id), ct), "submit portfolio");
            Ok(await sender.Send(new AcceptPortfolio(portfolio.Id), ct), "accept portfolio");
            var assessor = assessors[i % assessors.Count];
            var participant = Ok(await sender.Send(new EnrolParticipant(exam.Id, portfolio.Id, assessor.Id), ct), "enrol participant");
            participants.Add((participant.Id, portfolio.Id, assessor.Id));
        }

        Ok(await sender.Send(new StartExam(exam.Id), ct), "start exam");
        foreach (var assessor in assessors)
        {
            actor.ActAs(assessor.FullName, Roles.Assessor, new AssessorId(assessor.Id));
            Ok(await sender.Send(new DeclareImpartiality(exam.Id, "Saya menyatakan tidak memiliki hubungan kerja maupun keluarga dengan peserta yang saya uji."), ct),
                "declare impartiality");
            foreach (var (participant, portfolioId, _) in participants.Where(p => p.Assessor == assessor.Id))
            {
                var portfolio = Ok(await sender.Send(new Application.Portfolios.GetPortfolio.GetPortfolio(portfolioId), ct), "read portfolio");
                var index = participants.FindIndex(p => p.Participant == participant);
                Ok(await sender.Send(new RecordAssessment(exam.Id, participant, index % 7 == 6 ? 52 : 70 + (index % 25), "k", "Wawancara berjalan baik.",
                    portfolio.Evidence.Select(e => new EvidenceVerdictInput(e.Id, true, true, true, true, null)).ToList(),
                    portfolio.Essays.Select(e => new EssayScoreInput(e.Code, 3 + (index % 3))).ToList()), ct), "record assessment");
            }
        }

        actor.ActAs("seed-demo", Roles.Admin);
        var decision = Ok(await sender.Send(new DecideExam(exam.Id, "12/LSP-PS/XI/2026",
            [new PanelMemberInput("Drs. Hartono, M.Si.", null), new PanelMemberInput("Dr. Ratih Kusumawardani", null)], []), ct), "decide");
        var notYet = decision.Results.First(r => r.Result == "bk");
        Ok(await sender.Send(new FileAppeal(exam.Id, notYet.ParticipantId, "Mohon peninjauan ulang nilai ujian tertulis."), ct), "file appeal");

        var issued = decision.Results.Where(r => r.CertificateNumber is not null).Select(r => r.CertificateNumber!).ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo data: {candidates.Count} candidates, a Bimtek of 46, {assessors.Count} assessors, an exam of {participants.Count}, {issued.Count} certificates, 1 appeal."));
        await output.WriteLineAsync($"Try: curl {baseUrl}/api/v1/verify/{issued[0]}   or open {baseUrl}/verify/{issued[0]}");
        return 0;
    }

    private static async Task FillAsync(ISender sender, Guid portfolio, CancellationToken ct)
    {
        var stages = new[] { "engagement", "assessment", "planning", "intervention", "evaluation", "termination" };
        foreach (var (category, all) in new[] { ("kemiskinan", true), ("keterlantaran", false), ("kecacatan", false) })
        {
            Ok(await sender.Send(new AddEvidence(portfolio, "case-record", $"Catatan kasus {category}", "Pendampingan keluarga penerima manfaat.",
                new DateOnly(2025, 3, 1), category, all ? stages : stages[..3], "family"), ct), "add case record");
        }

        foreach (var kind in new[] { "work-experience-letter", "organisation-recommendation", "diploma" })
        {
            Ok(await sender.Send(new AddEvidence(portfolio, kind, kind.Replace('-', ' '), null, new DateOnly(2025, 1, 15), null, null, null), ct), "add document");
        }

        var essay = string.Join(' ', Enumerable.Repeat(
            "Dalam praktik pendampingan saya menerapkan prinsip penerimaan, individualisasi dan kerahasiaan klien serta bekerja sama dengan keluarga dan masyarakat.", 4));
        foreach (var code in new[] { "K1", "K2", "K3", "K4", "K5", "S1", "S2", "S3", "S4", "S5", "S6", "V1", "V2", "V3" })
        {
            Ok(await sender.Send(new WriteEssay(portfolio, code, essay), ct), "write essay");
        }
    }

    private static string Nik(int i) => string.Create(CultureInfo.InvariantCulture, $"1871{1 + (i % 9):D2}{1 + (i % 28) + (i % 2 == 0 ? 40 : 0):D2}{1 + (i % 12):D2}{85 + (i % 12):D2}{9000 + i:D4}");

    private static T Ok<T>(Result<T> result, string step) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"seed-demo could not {step}: {result.Error!.Code} — {result.Error.Message}");
}
