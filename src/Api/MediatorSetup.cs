using Mediator;
using Peksos.Clean.Application.Behaviours;
using Peksos.Clean.Application.Candidates.RegisterCandidate;

namespace Peksos.Clean.Api;

public static class MediatorSetup
{
    /// <summary>
    /// The one place the source-generated mediator is wired: scoped (handlers share the request's unit of work),
    /// the assemblies holding messages and handlers listed inline (the generator reads this call at compile time),
    /// and the pipeline outermost first: logging, validation, unit of work.
    /// </summary>
    public static IServiceCollection AddPeksosMediator(this IServiceCollection services) =>
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(RegisterCandidate)];
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
        });
}
