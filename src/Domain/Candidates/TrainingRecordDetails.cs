namespace Peksos.Clean.Domain.Candidates;

/// <summary>A training record as parsed from a request, or as credited by a completed Bimtek (<see cref="TrainingEventId"/>).</summary>
public sealed record TrainingRecordDetails(string Title, string Organiser, DatePeriod Period, int Hours, TrainingKind Kind, Guid? TrainingEventId = null)
{
    public const int MaxTitleLength = 200;
}
