using Peksos.Clean.Domain.Candidates;

namespace Peksos.Clean.Domain.Tests.Candidates;

public sealed class CandidateCorrectionTests
{
    [Fact]
    public void Correct_ANameAndAnEmail_ListsEachChangeBeforeAndAfter()
    {
        var candidate = TestData.Candidate();
        var corrected = candidate.Profile with { FullName = PersonName.Parse("Siti Rahmawaty, S.Sos.").Value, Email = Email.Parse("siti.r@example.org").Value };

        var changes = candidate.Correct(corrected, null, TestData.Clock()).Value;

        changes.Should().BeEquivalentTo([new FieldChange("fullName", "Siti Rahmawati, S.Sos.", "Siti Rahmawaty, S.Sos."), new FieldChange("email", "siti@example.org", "siti.r@example.org")]);
        candidate.Profile.FullName.Value.Should().Be("Siti Rahmawaty, S.Sos.");
        candidate.DomainEvents.OfType<CandidateCorrected>().Should().ContainSingle();
    }

    [Fact]
    public void Correct_WithNothingDifferent_ChangesNothingAndRaisesNothing()
    {
        var candidate = TestData.Candidate();

        candidate.Correct(candidate.Profile, null, TestData.Clock()).Value.Should().BeEmpty();
        candidate.DomainEvents.OfType<CandidateCorrected>().Should().BeEmpty();
    }

    [Fact]
    public void Correct_TheNik_NeedsAReason_AndShowsItOnlyMasked()
    {
        var candidate = TestData.Candidate();
        var corrected = candidate.Profile with { Nik = Nik.Parse("1871014506900011").Value };

        candidate.Correct(corrected, null, TestData.Clock()).Error!.Code.Should().Be(NikCorrectionHasReasonRule.Code);
        var changes = candidate.Correct(corrected, TestData.Text("Salah ketik."), TestData.Clock()).Value;

        changes.Should().ContainSingle().Which.Should().Be(new FieldChange("nik", "************0003", "************0011"));
        candidate.HasNikChange.Should().BeTrue();
    }

    [Fact]
    public void Correct_ABirthDateThatMakesTheCandidateUnderage_IsRefused()
    {
        var candidate = TestData.Candidate();

        candidate.Correct(candidate.Profile with { BirthDate = new DateOnly(2015, 1, 1) }, null, TestData.Clock()).Error!.Code.Should().Be(CandidateMustBeAdultRule.Code);
        candidate.Profile.BirthDate.Should().Be(new DateOnly(1990, 6, 5));
    }
}
