using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings.GetTraining;

/// <summary>One Bimtek with its participants.</summary>
public sealed record GetTraining(Guid Id) : IQuery<Result<TrainingDto>>;

public sealed class GetTrainingHandler(ITrainingRepository trainings) : IQueryHandler<GetTraining, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(GetTraining query, CancellationToken cancellationToken) =>
        await trainings.GetAsync(new TrainingEventId(query.Id), cancellationToken) is { } training ? TrainingDto.From(training) : TrainingErrors.NotFound;
}
