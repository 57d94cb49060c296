using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

public sealed record PracticeRecord(Guid Id, string Organisation, string Role, DatePeriod Period, int Hours, PmksCategory PmksCategory);
