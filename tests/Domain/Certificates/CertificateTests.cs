using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Schemes;
using Peksos.Clean.Domain.Tests.Exams;

namespace Peksos.Clean.Domain.Tests.Certificates;

public sealed class CertificateTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestData.Clock();

    [Fact]
    public void Reissue_KeepsTheNumber_CountsTheRevision_AndNeedsANewToken()
    {
        var certificate = Issued();
        certificate.AttachSignedToken("rev1.token.signature");

        certificate.Reissue("Siti Rahmawati, S.Sos.", TestData.Text("Nama salah eja."), _clock).IsSuccess.Should().BeTrue();

        certificate.Revision.Should().Be(2);
        certificate.HolderName.Should().Be("Siti Rahmawati, S.Sos.");
        certificate.SignedToken.Should().BeNull("the old revision's token is no longer the certificate's");
        certificate.History[^1].Action.Should().Be("reissued");
        certificate.DomainEvents.OfType<CertificateReissued>().Should().ContainSingle(e => e.Revision == 2);
        certificate.AttachSignedToken("rev2.token.signature");
        certificate.SignedToken.Should().Be("rev2.token.signature");
    }

    [Fact]
    public void Reissue_ARevokedCertificate_IsFinal()
    {
        var certificate = Issued();
        certificate.Revoke(TestData.Text("Pelanggaran."), _clock);

        certificate.Reissue("Siti Rahmawati, S.Sos.", TestData.Text("Nama."), _clock).Error!.Code.Should().Be("certificate.revoked-final");
        certificate.Revision.Should().Be(1);
    }

    private Certificate Issued()
    {
        var result = ExamScenario.Decided(_clock).Competent[0];
        return Certificate.Issue(result, SchemeCatalog.PeksosGeneralis, CertificateNumber.Create("PSG", 2026, 1), "Siti Rahmawati, S.Sos.", false, _clock).Value;
    }

    [Fact]
    public void Issue_FromAKResult_IsActiveForFiveYears()
    {
        var certificate = Issued();

        certificate.Status.Should().Be(CertificateStatus.Active);
        certificate.IssuedOn.Should().Be(new DateOnly(2026, 11, 27));
        certificate.ValidUntil.Should().Be(new DateOnly(2031, 11, 26));
        certificate.IsValidOn(new DateOnly(2031, 11, 26)).Should().BeTrue();
        certificate.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<CertificateIssued>();
        certificate.History.Should().ContainSingle().Which.Action.Should().Be("issued");
    }

    [Fact]
    public void Issue_WhenCandidateHoldsAnActiveCertificateForTheScheme_IsAlreadyHeld()
    {
        var result = ExamScenario.Decided(_clock).Competent[0];

        Certificate.Issue(result, SchemeCatalog.PeksosGeneralis, CertificateNumber.Create("PSG", 2026, 2), "Siti", true, _clock)
            .Error!.Code.Should().Be("certificate.already-held");
    }

    [Fact]
    public void StatusOn_TheDayAfterValidUntil_IsExpiredAndNotValid()
    {
        var certificate = Issued();

        certificate.StatusOn(new DateOnly(2031, 11, 27)).Should().Be(CertificateStatus.Expired);
        certificate.IsValidOn(new DateOnly(2031, 11, 27)).Should().BeFalse();
        certificate.Status.Should().Be(CertificateStatus.Active, "expiry is derived, never stored");
    }

    [Fact]
    public void Suspend_ThenReinstate_ReturnsToActiveWithHistory()
    {
        var certificate = Issued();

        certificate.Suspend(TestData.Text("Sedang diperiksa komite etik."), _clock).IsSuccess.Should().BeTrue();
        certificate.StatusOn(new DateOnly(2027, 1, 1)).Should().Be(CertificateStatus.Suspended);
        certificate.IsValidOn(new DateOnly(2027, 1, 1)).Should().BeFalse("a suspended certificate is never valid");

        certificate.Reinstate(TestData.Text("Pemeriksaan selesai."), _clock).IsSuccess.Should().BeTrue();
        certificate.Status.Should().Be(CertificateStatus.Active);
        certificate.History.Select(h => h.Action).Should().Equal("issued", "suspended", "reinstated");
    }

    [Fact]
    public void Revoke_IsFinal_ARevokedCertificateIsNeverReinstated()
    {
        var certificate = Issued();
        certificate.Revoke(TestData.Text("Pelanggaran kode etik."), _clock).IsSuccess.Should().BeTrue();

        certificate.Reinstate(TestData.Text("Mohon dipulihkan."), _clock).Error!.Code.Should().Be("certificate.revoked-final");
        certificate.Suspend(TestData.Text("x"), _clock).Error!.Code.Should().Be("certificate.revoked-final");
        certificate.Revoke(TestData.Text("again"), _clock).Error!.Code.Should().Be("certificate.revoked-final");
        certificate.Status.Should().Be(CertificateStatus.Revoked);
    }

    [Fact]
    public void Revoke_WhileSuspended_IsAllowed()
    {
        var certificate = Issued();
        certificate.Suspend(TestData.Text("x"), _clock);

        certificate.Revoke(TestData.Text("y"), _clock).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void StatusOn_RevokedAndPastValidity_StaysRevoked()
    {
        var certificate = Issued();
        certificate.Revoke(TestData.Text("x"), _clock);

        certificate.StatusOn(new DateOnly(2040, 1, 1)).Should().Be(CertificateStatus.Revoked);
    }

    [Fact]
    public void Reinstate_WhenActive_IsInvalidStatus()
    {
        Issued().Reinstate(TestData.Text("x"), _clock).Error!.Code.Should().Be("certificate.invalid-status");
    }

    [Fact]
    public void Suspend_Twice_IsInvalidStatus()
    {
        var certificate = Issued();
        certificate.Suspend(TestData.Text("x"), _clock);

        certificate.Suspend(TestData.Text("y"), _clock).Error!.Code.Should().Be("certificate.invalid-status");
    }

    [Fact]
    public void Suspend_WithoutReason_IsRefused()
    {
        var certificate = Issued();

        // A blank reason never becomes a Narrative, so no status change can be asked without one.
        Certificate.ParseReason(" ").Error!.Code.Should().Be("certificate.reason-required");
        certificate.Status.Should().Be(CertificateStatus.Active);
    }

    [Fact]
    public void Changes_RaiseTheirEvents()
    {
        var certificate = Issued();
        certificate.ClearDomainEvents();

        certificate.Suspend(TestData.Text("a"), _clock);
        certificate.Reinstate(TestData.Text("b"), _clock);
        certificate.Revoke(TestData.Text("c"), _clock);

        certificate.DomainEvents.Select(e => e.GetType().Name).Should().Equal("CertificateSuspended", "CertificateReinstated", "CertificateRevoked");
    }
}
