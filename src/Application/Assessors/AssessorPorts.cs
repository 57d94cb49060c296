using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Assessors;

public interface IAssessorRepository
{
    Task<Assessor?> GetAsync(AssessorId id, CancellationToken cancellationToken);

    /// <summary>Inserts; fails with <c>assessor.duplicate-registration-number</c> when the number is taken.</summary>
    Task<Result> AddAsync(Assessor assessor, CancellationToken cancellationToken);
}
