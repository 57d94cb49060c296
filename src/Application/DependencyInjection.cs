using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators of this assembly (the mediator registers handlers itself).</summary>
    public static IServiceCollection AddPeksosApplication(this IServiceCollection services)
    {
        var validatorInterface = typeof(IValidator<>);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface)
            {
                continue;
            }

            foreach (var implemented in type.GetInterfaces())
            {
                if (implemented.IsGenericType && implemented.GetGenericTypeDefinition() == validatorInterface)
                {
                    services.AddScoped(implemented, type);
                }
            }
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Certificates.CertificationOptions.Default);
        services.AddScoped<Events.ChangeTracker>();
        services.AddScoped<Behaviours.CommandTransaction>();
        services.AddScoped<Abstractions.IdempotencyScope>();
        services.AddScoped<Portfolios.PortfolioContext>();
        services.AddScoped<Portfolios.AssessorPortfolioAccess>();
        services.TryAddSingleton(new Domain.Portfolios.FileLimits());
        services.AddScoped<Exams.ExamContext>();
        services.AddScoped<Certificates.CertificateIssuer>();
        services.AddScoped<Certificates.CertificateLookup>();
        services.AddScoped<Certificates.VerificationReader>();
        return services;
    }
}
