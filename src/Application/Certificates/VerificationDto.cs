namespace Peksos.Clean.Application.Certificates;

/// <summary>The answer to "is this certificate valid?".</summary>
public sealed record VerificationDto(string Number, bool Valid, string Status, string HolderName, string SchemeName, DateOnly IssuedOn, DateOnly ValidUntil, string Issuer,
    int Revision, string? SupersededBy = null);
