namespace Peksos.Clean.Application.Certificates.GetVerificationPage;

/// <summary>What the public verification page shows: the certificate's verification and, when a token was given, what checking it found.</summary>
public sealed record VerificationPageModel(VerificationDto Verification, string? Token, bool TokenGiven, bool TokenSignatureValid, bool TokenMatchesRecord,
    int? SupersededByRevision = null);
