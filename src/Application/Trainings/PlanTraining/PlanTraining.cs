using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Trainings;

namespace Peksos.Clean.Application.Trainings.PlanTraining;

/// <summary>Plans a Bimtek (technical guidance) event.</summary>
public sealed record PlanTraining(string? Title, string? Organiser, string? Venue, string? RegionCode, DateOnly? StartDate, DateOnly? EndDate, int? Hours,
    int? Capacity) : ICommand<Result<TrainingDto>>
{
    public const int MaxTextLength = 200;

    public Result<(string Title, string Organiser, string Venue, RegionCode Region, DatePeriod Period, int Hours, int Capacity)> Parse()
    {
        var errors = new ErrorCollector();
        var title = errors.Take(Text.Required(Title, MaxTextLength, "training.title-invalid"), "title");
        var organiser = errors.Take(Text.Required(Organiser, MaxTextLength, "training.organiser-invalid"), "organiser");
        var venue = errors.Take(Text.Required(Venue, MaxTextLength, "training.venue-invalid"), "venue");
        var region = errors.Take(Domain.Reference.RegionCode.Parse(RegionCode), "regionCode");
        var period = errors.Period(StartDate, EndDate);
        var hours = errors.PositiveHours(Hours);
        var capacity = errors.InRange(Capacity, "capacity", 1, TrainingEvent.MaxCapacity, "training.capacity-invalid");
        return errors.HasErrors ? errors.ToError() : (title!, organiser!, venue!, region!, period!, hours!.Value, capacity!.Value);
    }
}

public sealed class PlanTrainingHandler(ITrainingRepository trainings, TimeProvider clock) : ICommandHandler<PlanTraining, Result<TrainingDto>>
{
    public async ValueTask<Result<TrainingDto>> Handle(PlanTraining m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (title, organiser, venue, region, period, hours, capacity) = parsed.Value;
        var training = TrainingEvent.Plan(title, organiser, venue, region, period, hours, capacity, clock);
        if (training.IsFailure)
        {
            return training.Error!;
        }

        await trainings.AddAsync(training.Value, cancellationToken);
        return TrainingDto.From(training.Value);
    }
}
