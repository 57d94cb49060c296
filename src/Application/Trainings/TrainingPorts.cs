using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings;

public interface ITrainingRepository
{
    Task<TrainingEvent?> GetAsync(TrainingEventId id, CancellationToken cancellationToken);

    Task AddAsync(TrainingEvent training, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(TrainingEvent training, CancellationToken cancellationToken);
}
