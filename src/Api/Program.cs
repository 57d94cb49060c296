using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Peksos.Clean.Api;
using Peksos.Clean.Api.Endpoints;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application;
using Peksos.Clean.Infrastructure;
using Peksos.Clean.Infrastructure.Health;
using Scalar.AspNetCore;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(StartupSettings.Usage);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
if (StartupSettings.Problems(builder.Configuration, builder.Environment) is { Count: > 0 } problems)
{
    await Console.Error.WriteLineAsync($"Peksos.Clean cannot start ({builder.Environment.EnvironmentName}): {problems.Count} setting(s) to fix:");
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"  - {problem}");
    }

    return 2;
}

var maxBodyBytes = builder.Configuration.GetValue<long>("Limits:MaxBodyBytes", 1024 * 1024);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);

builder.Services
    .AddPeksosApplication()
    .AddPeksosInfrastructure(builder.Configuration, builder.Environment)
    .AddPeksosMediator()
    .AddPeksosSecurity(builder.Configuration, builder.Environment)
    .AddPeksosAbuseLimits(builder.Configuration)
    .AddPeksosProxiesAndOrigins(builder.Configuration);

builder.AddPeksosObservability();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// After every library's context, so the generated types stay on the fast path (docs/decisions.md, "JSON"; ApiJsonTests checks it).
builder.Services.PostConfigure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options =>
{
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, UtcTimestamps.Instance);
    options.SerializerOptions.AllowTrailingCommas = false;
    // Numbers are numbers on the wire (the Web defaults also read "12" as 12); the generated context says the same.
    options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    // Relaxed escaping for every answer; the hottest ones keep the generated fast path through FastJson.
    options.SerializerOptions.Encoder = ApiJson.Encoder;
});
builder.Services.AddOpenApi("v1", options =>
{
    options.AddSchemaTransformer(OpenApiTimestamps.TransformAsync);
    options.AddSchemaTransformer(OpenApiSchemas.TransformAsync);
    OpenApiContract.Configure(options);
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

app.Services.MigratePeksosDatabase();
if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration["Certificates:PdfSigningCertificate"]))
{
    LoggerMessage.Define(LogLevel.Warning, new EventId(1, "PdfSigningCertificateMissing"),
        "Certificates:PdfSigningCertificate is not set: certificate PDFs are signed by a self-signed certificate made at start-up, which PDF readers do not trust.")(app.Logger, null);
}

// Operator commands: `dotnet run --project src/Api -- rotate-signing-key` generates a new certificate signing key;
// the previous keys stay published in the JWKS so certificates they signed still verify. Restart running hosts after.
if (args.Contains("rotate-signing-key"))
{
    var kid = app.Services.GetRequiredService<Peksos.Clean.Infrastructure.Security.SigningKeyRing>().Rotate();
    Console.WriteLine($"New active signing key: {kid}");
    return 0;
}

// `dotnet run --project src/Api -- seed-demo` fills an empty database with demonstration data (synthetic NIKs).
if (args.Contains("seed-demo"))
{
    await DemoSeeder.RunAsync(app.Services, Console.Out, PublicBaseUrl(app), CancellationToken.None);
    return 0;
}

app.UseForwardedHeaders(); // first: the rate limiter and the log see the client behind a known proxy
app.UseRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRouting();
app.UseCors(ProxiesAndOrigins.CorsPolicy);
app.UseBodyLimit(maxBodyBytes);
app.UseApiKeyAuthentication();
app.UseRateLimiter(); // after authentication: the allowance is per authenticated key, else per client IP
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Api:EnableScalar"))
{
    // "Test Request" sends the key of the API-key scheme; in Development it is prefilled with the development admin key.
    var exampleKey = app.Environment.IsDevelopment() ? app.Configuration["Auth:BootstrapAdminKey"] ?? BootstrapKey.DevelopmentDefault : string.Empty;
    app.MapScalarApiReference("/scalar", options => options
            .WithTitle("Peksos.Clean API")
            .AddPreferredSecuritySchemes(OpenApiContract.SchemeName)
            .AddApiKeyAuthentication(OpenApiContract.SchemeName, scheme => scheme.Value = exampleKey))
        .AllowAnonymous();
}

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();

app.MapReferenceEndpoints();
app.MapSchemeEndpoints();
app.MapCandidateEndpoints();
app.MapPortfolioEndpoints();
app.MapAssessorEndpoints();
app.MapExamEndpoints();
app.MapCertificateEndpoints();
app.MapIntegrationEndpoints();
app.MapWebhookEndpoints();
app.MapVerificationEndpoints();
app.MapTrainingEndpoints();
app.MapReportEndpoints();

app.Run();
return 0;

// Where people reach this host: Certificates:PublicBaseUrl, else the first of --urls / ASPNETCORE_URLS, else the default.
static string PublicBaseUrl(WebApplication app) =>
    (app.Configuration["Certificates:PublicBaseUrl"] ?? app.Configuration["urls"]?.Split(';')[0] ?? "http://localhost:5080").TrimEnd('/');

/// <summary>The host's entry point, public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
