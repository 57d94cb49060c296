using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// The role × route matrix, generated from the host's own endpoint table: every mapped endpoint must be listed here
/// with the roles that may call it, and each role gets 401/403 exactly where it must. A new endpoint without an entry
/// (or without a policy: the fallback denies it to everyone) fails this test.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Anonymous, "admin", "assessor", "consumer"];
    private static readonly string[] Admin = ["admin"];
    private static readonly string[] AdminOrConsumer = ["admin", "consumer"];
    private static readonly string[] AdminOrAssessor = ["admin", "assessor"];
    private static readonly string[] Assessor = ["assessor"];

    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["GET /api/v1/pmks-categories"] = Everyone,
        ["GET /api/v1/pmks-types"] = Everyone,
        ["GET /api/v1/regions/provinces"] = Everyone,
        ["GET /api/v1/schemes"] = Everyone,
        ["GET /api/v1/schemes/{code}"] = Everyone,
        ["GET /api/v1/schemes/{code}/versions"] = Everyone,
        ["GET /api/v1/schemes/{code}/versions/{version}"] = Everyone,
        ["GET /api/v1/rule-types"] = Everyone,
        ["GET /api/v1/status-lists/{purpose}/{listId}"] = Everyone,
        ["GET /api/v1/certificates/{number}/credential"] = AdminOrConsumer,
        ["GET /api/v1/certificates/{number}/certificate.pdf"] = AdminOrConsumer,
        ["POST /api/v1/schemes"] = Admin,
        ["POST /api/v1/webhooks"] = AdminOrConsumer,
        ["GET /api/v1/webhooks"] = AdminOrConsumer,
        ["GET /api/v1/webhooks/{id}"] = AdminOrConsumer,
        ["DELETE /api/v1/webhooks/{id}"] = AdminOrConsumer,
        ["GET /api/v1/webhooks/{id}/deliveries"] = AdminOrConsumer,
        ["GET /api/v1/exams/{id}/bnsp-report.xlsx"] = Admin,
        ["POST /api/v1/portfolios/{id}/evidence/{evidenceId}/files"] = Admin,
        ["DELETE /api/v1/portfolios/{id}/evidence/{evidenceId}/files/{fileId}"] = Admin,
        ["GET /api/v1/portfolios/{id}/evidence/{evidenceId}/files/{fileId}"] = AdminOrAssessor,
        ["POST /api/v1/schemes/{code}/versions"] = Admin,
        ["GET /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api/v1/certificates"] = Everyone,
        ["GET /api/v1/verify/{number}"] = Everyone,
        ["POST /api/v1/verify"] = Everyone,
        ["GET /verify/{number}"] = Everyone,
        ["GET /api/v1/certificates/{number}/qr.svg"] = Everyone,
        ["GET /.well-known/jwks.json"] = Everyone,

        ["POST /api/v1/candidates"] = Admin,
        ["GET /api/v1/candidates"] = Admin,
        ["GET /api/v1/candidates/{id}"] = Admin,
        ["POST /api/v1/candidates/search"] = Admin,
        ["POST /api/v1/candidates/import"] = Admin,
        ["POST /api/v1/candidates/{id}/practice-records"] = Admin,
        ["POST /api/v1/candidates/{id}/training-records"] = Admin,
        ["POST /api/v1/portfolios"] = Admin,
        ["GET /api/v1/portfolios/{id}"] = AdminOrAssessor,
        ["POST /api/v1/portfolios/{id}/evidence"] = Admin,
        ["DELETE /api/v1/portfolios/{id}/evidence/{evidenceId}"] = Admin,
        ["PUT /api/v1/portfolios/{id}/essays/{code}"] = Admin,
        ["POST /api/v1/portfolios/{id}/submit"] = Admin,
        ["POST /api/v1/portfolios/{id}/accept"] = Admin,
        ["POST /api/v1/portfolios/{id}/return"] = Admin,
        ["POST /api/v1/assessors"] = Admin,
        ["GET /api/v1/assessors/{id}"] = Admin,
        ["POST /api/v1/api-keys"] = Admin,
        ["DELETE /api/v1/api-keys/{id}"] = Admin,
        ["POST /api/v1/exams"] = Admin,
        ["PATCH /api/v1/exams/{id}"] = Admin,
        ["PATCH /api/v1/candidates/{id}"] = Admin,
        ["POST /api/v1/certificates/{number}/reissue"] = Admin,
        ["PATCH /api/v1/portfolios/{id}"] = Admin,
        ["POST /api/v1/portfolios/{id}/withdraw"] = Admin,
        ["POST /api/v1/exams/{id}/assessors"] = Admin,
        ["POST /api/v1/exams/{id}/participants"] = Admin,
        ["POST /api/v1/exams/{id}/start"] = Admin,
        ["POST /api/v1/exams/{id}/decision"] = Admin,
        ["DELETE /api/v1/exams/{id}/participants/{participantId}"] = Admin,
        ["POST /api/v1/exams/{id}/participants/{participantId}/absence"] = Admin,
        ["POST /api/v1/exams/{id}/participants/{participantId}/withdrawal"] = Admin,
        ["POST /api/v1/exams/{id}/participants/{participantId}/reassignment"] = Admin,
        ["POST /api/v1/exams/{id}/participants/{participantId}/appeal"] = Admin,
        ["POST /api/v1/exams/{id}/participants/{participantId}/appeal/resolution"] = Admin,
        ["POST /api/v1/certificates/{number}/suspend"] = Admin,
        ["POST /api/v1/certificates/{number}/reinstate"] = Admin,
        ["POST /api/v1/certificates/{number}/revoke"] = Admin,
        ["POST /api/v1/trainings"] = Admin,
        ["GET /api/v1/trainings/{id}"] = Admin,
        ["POST /api/v1/trainings/{id}/participants"] = Admin,
        ["POST /api/v1/trainings/{id}/completion"] = Admin,
        ["GET /api/v1/audit"] = Admin,

        ["GET /api/v1/exams"] = AdminOrAssessor,
        ["GET /api/v1/exams/{id}"] = AdminOrAssessor,
        ["GET /api/v1/exams/{id}/participants/{participantId}/portfolio"] = AdminOrAssessor,
        ["POST /api/v1/exams/{id}/impartiality"] = Assessor,
        ["POST /api/v1/exams/{id}/participants/{participantId}/assessment"] = Assessor,

        ["GET /api/v1/certificates/{number}"] = AdminOrConsumer,
        ["GET /api/v1/certificates/expiring"] = AdminOrConsumer,
        ["GET /api/v1/events"] = AdminOrConsumer,
        ["GET /api/v1/reports/summary"] = AdminOrConsumer,
        ["GET /api/v1/reports/certificates.csv"] = AdminOrConsumer,
    };

    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        var api = new ApiDriver(_factory.CreateAdminClient());
        var assessor = await api.RegisterAssessor("Bambang Sutrisno", "MET.MATRIX", "Universitas Lampung");
        _clients[Anonymous] = _factory.CreateClient();
        _clients["admin"] = _factory.CreateAdminClient();
        _clients["assessor"] = _factory.CreateClientWithKey(await api.CreateKey("assessor", assessor));
        _clients["consumer"] = _factory.CreateClientWithKey(await api.CreateKey("consumer"));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task EveryMappedEndpoint_IsInTheMatrix_AndEachRoleGetsExactlyItsAnswer()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        endpoints.Should().HaveCountGreaterThan(55);

        var unlisted = endpoints.Select(e => Key(e.Method, e.Endpoint)).Where(k => !Matrix.ContainsKey(k)).Distinct().ToList();
        unlisted.Should().BeEmpty("every endpoint states who may call it (add new endpoints to the matrix with their roles)");

        var failures = new List<string>();
        foreach (var (method, endpoint) in endpoints)
        {
            var allowed = Matrix[Key(method, endpoint)];
            var csv = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("text/csv") == true;
            foreach (var role in Everyone)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(endpoint));
                if (method is "POST" or "PUT")
                {
                    request.Content = csv ? new StringContent("number\n", Encoding.UTF8, "text/csv") : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var status = (int)(await _clients[role].SendAsync(request)).StatusCode;
                var expected = allowed.Contains(role) ? "not 401/403" : role == Anonymous ? "401" : "403";
                var ok = allowed.Contains(role) ? status is not (401 or 403) : status == (role == Anonymous ? 401 : 403);
                if (!ok)
                {
                    failures.Add($"{Key(method, endpoint)} as {role}: {status}, expected {expected}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    private static string Key(string method, RouteEndpoint endpoint) =>
        $"{method} {System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimEnd('/'), @":[a-z]+\}", "}")}";

    private static string Url(RouteEndpoint endpoint)
    {
        var url = endpoint.RoutePattern.RawText!;
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = parameter.Name switch
            {
                "number" => Domain.Certificates.CertificateNumber.Create("PSG", 2026, 999_999).Value,
                "code" => "K1",
                "documentName" => "v1",
                "version" => "1",
                "listId" => "1",
                "purpose" => "revocation",
                _ => Guid.NewGuid().ToString(),
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "(:[a-z]+)?\\}", value);
        }

        return url;
    }
}
