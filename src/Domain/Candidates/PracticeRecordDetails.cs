using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>A practice record as parsed from a request: every part already valid on its own.</summary>
public sealed record PracticeRecordDetails(string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory)
{
    public const int MaxRoleLength = 200;
}
