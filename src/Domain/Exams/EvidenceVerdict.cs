namespace Peksos.Clean.Domain.Exams;

public sealed record EvidenceVerdict(Guid EvidenceId, VatmVerdict Verdict, string? Note);
