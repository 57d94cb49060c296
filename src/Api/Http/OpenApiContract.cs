using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// What the generated OpenAPI document cannot see by itself: the API-key scheme and which operations need it, the
/// problem+json errors each operation can give, and the headers of the contract (If-Match, Idempotency-Key, ETag,
/// Location, Retry-After).
/// </summary>
public static class OpenApiContract
{
    public const string SchemeName = "ApiKey";
    public const string ProblemSchema = "Problem";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeComponentsAsync);
        options.AddOperationTransformer(DescribeOperationAsync);
    }

    private static Task DescribeComponentsAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Peksos.Clean API";
        document.Info.Description = "Certification of Indonesia's professional social workers: candidates, portfolios, exams, certificates, verification.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Security.ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key: the configured bootstrap admin key, or one created with POST /api/v1/api-keys.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (context.Description.RelativePath ?? string.Empty);
        var method = context.Description.HttpMethod ?? "GET";
        var changes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var hasId = path.Contains('{', StringComparison.Ordinal);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var document = context.Document!;
        operation.Responses ??= new OpenApiResponses();

        if (anonymous || !metadata.OfType<IAuthorizeData>().Any())
        {
            // An empty requirement: anyone may call it.
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        else
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            AddProblem(operation, document, "401", "No API key, or an unknown or revoked one (auth.unauthenticated).");
            AddProblem(operation, document, "403", "The key's role may not do this (auth.forbidden).");
        }

        AddProblem(operation, document, "400", "Malformed input: bad JSON, a bad field (errors lists each), an unknown code.");
        if (hasId)
        {
            AddProblem(operation, document, "404", "No such resource, or one the caller may not see.");
        }

        if (changes)
        {
            AddProblem(operation, document, "409", "Conflicts with the current state (e.g. concurrency.conflict, a wrong status).");
            AddProblem(operation, document, "422", "A certification rule says no; unmet lists every reason where several apply.");
        }

        if (changes && hasId)
        {
            AddProblem(operation, document, "412", "If-Match names no current version of the resource (precondition.failed).");
            AddHeader(operation, "If-Match", "Change only if the resource is still at one of these ETags (RFC 9110; * matches any).");
        }

        if (metadata.OfType<Idempotency.IdempotentMarker>().Any())
        {
            AddHeader(operation, Idempotency.Header, "A retry with the same key and body replays the first answer; another body is 422 idempotency.key-reused.");
        }

        var limited = AddProblem(operation, document, "429", "Too many requests; retry after Retry-After seconds (rate-limit.exceeded).");
        limited.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait.", JsonSchemaType.Integer) };
        var unavailable = AddProblem(operation, document, "503", "The database cannot be reached; retry after Retry-After seconds (database.unavailable).");
        unavailable.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait.", JsonSchemaType.Integer) };
        AddProblem(operation, document, "500", "An unexpected error; quote traceId (never a stack trace).");

        DescribeContentTypes(operation, context);

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse success && status is "200" or "201" && success.Content?.Count > 0)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers.TryAdd("ETag", Header("The resource's version, for If-Match (versioned resources).", JsonSchemaType.String));
                if (status == "201")
                {
                    success.Headers.TryAdd("Location", Header("The created resource.", JsonSchemaType.String));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Bodies that are not JSON (CSV, SVG, HTML) as plain strings of their media type, and the CSV twin of POST /verify.</summary>
    private static void DescribeContentTypes(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        foreach (var accepts in context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>())
        {
            operation.RequestBody ??= new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            foreach (var type in accepts.ContentTypes)
            {
                operation.RequestBody.Content?.TryAdd(type, new OpenApiMediaType { Schema = text });
            }
        }

        if (operation.OperationId == "VerifyCertificates" && operation.RequestBody is OpenApiRequestBody verify)
        {
            verify.Description = "JSON { numbers: [...] }, or text/csv with one certificate number per line (then the answer is CSV too).";
            verify.Content?.TryAdd("text/csv", new OpenApiMediaType { Schema = text });
            if (operation.Responses!.TryGetValue("200", out var ok) && ok is OpenApiResponse answer)
            {
                answer.Content?.TryAdd("text/csv", new OpenApiMediaType { Schema = text });
            }
        }

        foreach (var produced in context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>())
        {
            var status = produced.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses!.TryGetValue(status, out var response) && response is OpenApiResponse declared)
            {
                foreach (var mediaType in produced.ContentTypes.Where(t => !t.Contains("json", StringComparison.Ordinal)))
                {
                    declared.Content ??= new Dictionary<string, OpenApiMediaType>();
                    declared.Content.TryAdd(mediaType, new OpenApiMediaType { Schema = text });
                }
            }
        }
    }

    private static OpenApiResponse AddProblem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse declared)
        {
            return declared;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
        operation.Responses[status] = response;
        return response;
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Header))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type) => new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    /// <summary>RFC 9457 with this API's members: the stable code, field errors and unmet rules.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. code is stable; errors names each bad field; unmet lists every rule that says no.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("nik.invalid")] },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["unmet"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["participantId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The participant an item is about (exam.participant-ineligible)." },
                    },
                },
            },
        },
    };
}
