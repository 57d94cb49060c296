namespace Peksos.Clean.Application.Exams;

public sealed record ExamSummaryDto(Guid Id, string SchemeCode, string Title, string Venue, string RegionCode, DateOnly ScheduledOn, int Capacity, string Status,
    int Participants, DateTimeOffset CreatedAt);
