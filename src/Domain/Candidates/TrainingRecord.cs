namespace Peksos.Clean.Domain.Candidates;

public sealed record TrainingRecord(Guid Id, string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId);
