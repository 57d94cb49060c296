namespace Peksos.Clean.Application.Candidates.ImportCandidates;

public sealed record RowErrorDto(string? Field, string Code, string Message);

public sealed record RejectedRowDto(int Line, IReadOnlyList<RowErrorDto> Errors);

public sealed record ImportReportDto(int Imported, int SkippedDuplicates, IReadOnlyList<RejectedRowDto> Rejected);
