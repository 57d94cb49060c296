using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams.PlanExam;

/// <summary>Plans a competency exam round for a scheme at a venue (TUK).</summary>
public sealed record PlanExam(string? SchemeCode, string? Title, string? Venue, string? RegionCode, DateOnly? ScheduledOn, int? Capacity) : ICommand<Result<ExamDto>>
{
    public Result<(CertificationScheme Scheme, string Title, string Venue, RegionCode Region, DateOnly ScheduledOn, int Capacity)> Parse(ISchemeCatalog schemes, DateTimeOffset now)
    {
        var scheme = schemes.CurrentOrInvalid(SchemeCode, now);
        if (scheme.IsFailure)
        {
            return scheme.Error!.AtField("schemeCode");
        }

        var errors = new ErrorCollector();
        var title = errors.Take(Text.Required(Title, CompetencyExam.MaxTitleLength, "exam.title-invalid"), "title");
        var venue = errors.Take(Text.Required(Venue, CompetencyExam.MaxVenueLength, "exam.venue-invalid"), "venue");
        var region = errors.Take(Domain.Reference.RegionCode.Parse(RegionCode), "regionCode");
        errors.Require(ScheduledOn, "scheduledOn");
        var capacity = errors.InRange(Capacity, "capacity", 1, CompetencyExam.MaxCapacity, "exam.capacity-invalid");
        return errors.HasErrors ? errors.ToError() : (scheme.Value, title!, venue!, region!, ScheduledOn!.Value, capacity!.Value);
    }
}

public sealed class PlanExamHandler(IExamRepository exams, ISchemeCatalog schemes, TimeProvider clock) : ICommandHandler<PlanExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(PlanExam m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse(schemes, clock.GetUtcNow());
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (scheme, title, venue, region, scheduledOn, capacity) = parsed.Value;
        var exam = CompetencyExam.Plan(scheme, title, venue, region, scheduledOn, capacity, clock);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var saved = await exams.AddAsync(exam.Value, cancellationToken);
        return saved.IsSuccess ? ExamDto.From(exam.Value) : saved.Error!;
    }
}
