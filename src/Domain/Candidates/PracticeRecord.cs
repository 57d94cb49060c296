using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

public sealed record PracticeRecord(Guid Id, string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory)
{
    /// <summary>The most practice hours one record may carry per calendar day of its period.</summary>
    public const int MaxHoursPerDay = 12;
}
