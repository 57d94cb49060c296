using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings.PlanTraining;

/// <summary>Plans a Bimtek (technical guidance) event.</summary>
public sealed record PlanTraining(string? Title, string? Organiser, string? Venue, string? RegionCode, DateOnly? StartDate, DateOnly? EndDate, int? Hours,
    int? Capacity) : ICommand<Result<TrainingDto>>;

public sealed class PlanTrainingHandler(ITrainingRepository trainings, TimeProvider clock) : ICommandHandler<PlanTraining, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(PlanTraining m, CancellationToken cancellationToken)
    {
        var training = TrainingEvent.Plan(m.Title, m.Organiser, m.Venue, m.RegionCode, m.StartDate, m.EndDate, m.Hours, m.Capacity, clock);
        if (training.IsFailure)
        {
            return training.Error!;
        }

        await trainings.AddAsync(training.Value, cancellationToken);
        return TrainingDto.From(training.Value);
    }
}
