using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.ApiKeys;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Application.Reports;
using Peksos.Clean.Application.Trainings;
using Peksos.Clean.Infrastructure.Calendar;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.ApiKeys;
using Peksos.Clean.Infrastructure.Persistence.Assessors;
using Peksos.Clean.Infrastructure.Persistence.Candidates;
using Peksos.Clean.Infrastructure.Persistence.Certificates;
using Peksos.Clean.Infrastructure.Persistence.Events;
using Peksos.Clean.Infrastructure.Persistence.Exams;
using Peksos.Clean.Infrastructure.Persistence.Portfolios;
using Peksos.Clean.Infrastructure.Persistence.Reports;
using Peksos.Clean.Infrastructure.Persistence.Schemes;
using Peksos.Clean.Infrastructure.Persistence.Trainings;
using Peksos.Clean.Infrastructure.Security;

namespace Peksos.Clean.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Database (<c>Database:Provider</c>, <c>ConnectionStrings:Peksos</c>), unit of work, repositories and NIK
    /// protection (<c>Security:NikEncryptionKey</c>, <c>Security:NikIndexKey</c>; required in Production, fixed
    /// development keys elsewhere).
    /// </summary>
    public static IServiceCollection AddPeksosInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        TypeHandlers.Register();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

        var options = DatabaseOptions.From(configuration["Database:Provider"], configuration.GetConnectionString("Peksos"));
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Registered by factory so the container disposes it (it keeps the prepared-read connections open).
            services.AddSingleton<IDbConnectionFactory>(_ => new SqliteConnectionFactory(options.ConnectionString));
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 50;
            }

            services.AddSingleton(_ => NpgsqlDataSource.Create(builder.ConnectionString));
            services.AddSingleton<IDbConnectionFactory>(sp => new PostgresConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>()));
        }

        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(
            new LspTimeProvider(TimeProvider.System, LspTimeProvider.Zone(configuration["Lsp:TimeZone"]) ?? throw new InvalidOperationException("Lsp:TimeZone is unknown."))));
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<ICandidateRepository, CandidateRepository>();
        services.AddScoped<ICandidateQueries, CandidateQueries>();
        services.AddScoped<IPortfolioRepository, PortfolioRepository>();
        services.AddScoped<IAssessorRepository, AssessorRepository>();
        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<IDbConnectionFactory>(), TimeProvider.System));
        services.AddScoped<IExamRepository, ExamRepository>();
        services.AddScoped<IExamQueries, ExamQueries>();
        services.AddScoped<ITrainingRepository, TrainingRepository>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<IReportQueries>(sp => sp.GetRequiredService<ReportQueries>());
        services.AddScoped<ICertificateExport>(sp => sp.GetRequiredService<ReportQueries>());
        services.AddScoped<ReportCounts>();
        services.AddScoped<ICertificateRepository, CertificateRepository>();
        services.AddScoped<ICertificateQueries, CertificateQueries>();
        var signingKeyEncryptionKey = configuration["Security:SigningKeyEncryptionKey"];
        var signingKeyPem = configuration["Certificates:SigningKeyPem"];
        if (string.IsNullOrWhiteSpace(signingKeyEncryptionKey) && environment.IsProduction())
        {
            throw new InvalidOperationException("Security:SigningKeyEncryptionKey (base64, 32 bytes) is required in Production.");
        }

        var kek = string.IsNullOrWhiteSpace(signingKeyEncryptionKey)
            ? SHA256.HashData(Encoding.UTF8.GetBytes("peksos-clean development signing-key encryption key"))
            : NikProtector.ParseKey(signingKeyEncryptionKey, "Security:SigningKeyEncryptionKey");
        services.AddSingleton(new SecretBox(kek));
        services.AddSingleton(sp => new SigningKeyRing(
            sp.GetRequiredService<IDbConnectionFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SecretBox>(),
            string.IsNullOrWhiteSpace(signingKeyPem) ? null : signingKeyPem));
        services.AddSingleton<ICertificateSigner>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddScoped<Application.Events.IEventJournal, EventJournal>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton(configuration.GetValue<double?>("Idempotency:RetentionHours") is { } hours and > 0
            ? new IdempotencyOptions(TimeSpan.FromHours(hours))
            : IdempotencyOptions.Default);
        services.AddHostedService<Housekeeping>();
        services.AddSchemeCatalog();
        services.AddSingleton<Application.Exams.IBnspWorkbook, Reports.BnspWorkbook>();
        services.AddSingleton<ICertificateDocument>(sp => new Documents.CertificatePdf(configuration["Certificates:PdfSigningCertificate"] is { Length: > 0 } pfx
            ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, configuration["Certificates:PdfSigningCertificatePassword"])
            : Documents.StoredPdfSigningCertificate.LoadOrCreate(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<SecretBox>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CertificationOptions>().IssuerName)));
        services.Replace(ServiceDescriptor.Singleton(new Domain.Portfolios.FileLimits(
            configuration.GetValue<long?>("Limits:MaxEvidenceFileBytes") ?? 10 * 1024 * 1024,
            configuration.GetValue<long?>("Limits:MaxPortfolioFileBytes") ?? 100 * 1024 * 1024)));
        if (configuration["Storage:Provider"] == "s3")
        {
            // In a lambda, so the AWS SDK's assemblies load only where the S3 store is used.
            services.AddSingleton<IBlobStore>(_ => Storage.S3BlobStore.FromSettings(configuration));
        }
        else
        {
            var storage = configuration["Storage:Path"] is { Length: > 0 } path ? path : "blobs";
            services.AddSingleton<IBlobStore>(new Storage.FileSystemBlobStore(Path.IsPathRooted(storage) ? storage : Path.Combine(environment.ContentRootPath, storage)));
        }
        services.AddSingleton<IRosterReader, Import.SepRosterReader>();
        services.AddScoped<Application.Events.IEventFeed, EventFeed>();
        services.AddWebhooks(configuration, environment);
        var issuer = configuration["Certificates:Issuer"];
        if (!string.IsNullOrWhiteSpace(issuer))
        {
            services.AddSingleton(new CertificationOptions(issuer.Trim()));
        }
        services.AddSingleton<INikProtector>(CreateNikProtector(configuration, environment));
        return services;
    }

    /// <summary>Subscriptions, the delivery worker and the expiry reminders (<c>Webhooks:*</c>, <c>Certificates:ExpiryReminderInterval</c>).</summary>
    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        static TimeSpan Duration(string? text, TimeSpan fallback) => Domain.Webhooks.RetrySchedule.ParseDuration(text) ?? fallback;
        services.AddSingleton(new Application.Webhooks.WebhookOptions(
            Domain.Webhooks.RetrySchedule.Parse(configuration["Webhooks:RetryDelays"]) ?? Domain.Webhooks.RetrySchedule.Default,
            Duration(configuration["Webhooks:Timeout"], TimeSpan.FromSeconds(10)),
            RequireHttps: environment.IsProduction(),
            AllowPrivateTargets: configuration.GetValue<bool?>("Webhooks:AllowPrivateTargets") ?? false));
        services.AddSingleton(new Webhooks.WebhookWorkerOptions(Duration(configuration["Webhooks:PollInterval"], TimeSpan.FromSeconds(1))));
        services.AddSingleton(new Webhooks.ExpiryReminderOptions(Duration(configuration["Certificates:ExpiryReminderInterval"], TimeSpan.FromHours(1))));
        services.AddSingleton(sp => new Lease(sp.GetRequiredService<IDbConnectionFactory>(), TimeProvider.System));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddSingleton<Application.Webhooks.IWebhookTargets, Webhooks.WebhookTargets>();
        services.AddScoped<Persistence.Webhooks.WebhookStore>();
        services.AddScoped<Application.Webhooks.IWebhookStore>(sp => sp.GetRequiredService<Persistence.Webhooks.WebhookStore>());
        services.AddScoped<IExpiryReminders, Persistence.Certificates.ExpiryReminderStore>();
        services.AddHostedService<Webhooks.WebhookDispatcher>();
        services.AddHostedService<Webhooks.ExpiryReminderJob>();
    }

    /// <summary>Creates and migrates the database (SQLite: the file, in WAL mode). Called once at start-up.</summary>
    public static void MigratePeksosDatabase(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Peksos.Clean.Migrations");
        Migrator.Migrate(services.GetRequiredService<DatabaseOptions>(), logger);
        services.GetRequiredService<SigningKeyRing>().Load();
    }

    private static NikProtector CreateNikProtector(IConfiguration configuration, IHostEnvironment environment)
    {
        var encryption = configuration["Security:NikEncryptionKey"];
        var index = configuration["Security:NikIndexKey"];
        if (!string.IsNullOrWhiteSpace(encryption) && !string.IsNullOrWhiteSpace(index))
        {
            return new NikProtector(
                NikProtector.ParseKey(encryption, "Security:NikEncryptionKey"),
                NikProtector.ParseKey(index, "Security:NikIndexKey"));
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Security:NikEncryptionKey and Security:NikIndexKey (base64, 32 bytes each) are required in Production.");
        }

        // Development and test only: fixed, published keys. Data protected with them is not protected.
        return new NikProtector(
            SHA256.HashData(Encoding.UTF8.GetBytes("peksos-clean development NIK encryption key")),
            SHA256.HashData(Encoding.UTF8.GetBytes("peksos-clean development NIK index key")));
    }
}
