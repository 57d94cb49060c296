using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// What the schemas cannot infer from C#: the closed code lists (taken from the domain's own lists, not retyped) and,
/// for request bodies, which fields the contract makes optional — every other request field is required and never null.
/// </summary>
public static class OpenApiSchemas
{
    private static readonly IReadOnlyList<string> Pmks = Codes(PmksCategory.All);
    private static readonly IReadOnlyList<string> Results = Codes(AssessmentResult.All);

    /// <summary>(schema, property) → its codes; an array property gets them on its items.</summary>
    private static readonly Dictionary<(string Schema, string Property), IReadOnlyList<string>> Enums = new()
    {
        [("RegisterCandidate", "sex")] = Codes(Sex.All),
        [("RegisterCandidate", "practiceAreas")] = Pmks,
        [("CandidateDto", "sex")] = Codes(Sex.All),
        [("CandidateDto", "practiceAreas")] = Pmks,
        [("EducationInput", "level")] = Codes(EducationLevel.All),
        [("EducationInput", "field")] = Codes(EducationField.All),
        [("EducationDto", "level")] = Codes(EducationLevel.All),
        [("EducationDto", "field")] = Codes(EducationField.All),
        [("EmploymentInput", "type")] = Codes(EmploymentType.All),
        [("EmploymentDto", "type")] = Codes(EmploymentType.All),
        [("CandidateSummaryDto", "employmentType")] = Codes(EmploymentType.All),
        [("PracticeRecordRequest", "pmksCategory")] = Pmks,
        [("PracticeRecordDto", "pmksCategory")] = Pmks,
        [("TrainingRecordRequest", "kind")] = Codes(TrainingKind.All),
        [("TrainingRecordDto", "kind")] = Codes(TrainingKind.All),
        [("EvidenceRequest", "kind")] = Codes(EvidenceKind.All),
        [("EvidenceRequest", "pmksCategory")] = Pmks,
        [("EvidenceRequest", "helpingStages")] = Codes(HelpingStage.All),
        [("EvidenceRequest", "clientType")] = Codes(ClientType.All),
        [("EvidenceDto", "kind")] = Codes(EvidenceKind.All),
        [("EvidenceDto", "pmksCategory")] = Pmks,
        [("EvidenceDto", "helpingStages")] = Codes(HelpingStage.All),
        [("EvidenceDto", "clientType")] = Codes(ClientType.All),
        [("OpenPortfolio", "specialisation")] = Pmks,
        [("OpenPortfolio", "purpose")] = Codes(PortfolioPurpose.All),
        [("PortfolioDto", "purpose")] = Codes(PortfolioPurpose.All),
        [("PortfolioDto", "specialisation")] = Pmks,
        [("PortfolioDto", "status")] = Codes(PortfolioStatus.All),
        [("ExamDto", "status")] = Codes(ExamStatus.All),
        [("ExamSummaryDto", "status")] = Codes(ExamStatus.All),
        [("ExamDecisionDto", "status")] = Codes(ExamStatus.All),
        [("AssessmentRequest", "interview")] = Results,
        [("AssessmentDto", "interview")] = Results,
        [("AssessmentDto", "recommendation")] = Results,
        [("AssessmentOutcomeDto", "recommendation")] = Results,
        [("ComponentsDto", "written")] = Results,
        [("ComponentsDto", "interview")] = Results,
        [("ComponentsDto", "portfolio")] = Results,
        [("OverrideInput", "result")] = Results,
        [("ParticipantDto", "result")] = Results,
        [("ParticipantResultDto", "recommendation")] = Results,
        [("ParticipantResultDto", "result")] = Results,
        [("AppealStateDto", "result")] = Results,
        [("CertificateDto", "status")] = Codes(CertificateStatus.All),
        [("RegisterEntryDto", "status")] = Codes(CertificateStatus.All),
        [("VerificationDto", "status")] = Codes(CertificateStatus.All),
        [("CreateApiKey", "role")] = Roles.All,
        [("CreatedApiKeyDto", "role")] = Roles.All,
    };

    /// <summary>Request fields the contract marks optional (<c>?</c> in docs/api.md); the rest of a request is required.</summary>
    private static readonly Dictionary<string, HashSet<string>> OptionalRequestFields = new()
    {
        ["EducationInput"] = ["institution", "graduationYear"],
        ["EvidenceRequest"] = ["description", "documentDate", "pmksCategory", "helpingStages", "clientType"],
        ["CreateApiKey"] = ["assessorId"],
        ["CreateWebhook"] = ["certificateNumbers", "description"],
        ["OpenPortfolio"] = ["specialisation", "purpose"],
        ["AssessmentRequest"] = ["interviewNotes", "amendmentReason"],
        ["EvidenceVerdictInput"] = ["note"],
        ["PanelMemberInput"] = ["assessorId"],
        ["DecisionRequest"] = ["overrides"],
        ["CompletionRequest"] = [],
        ["RescheduleRequest"] = ["title", "venue", "scheduledOn", "capacity"],
        ["CandidateCorrectionRequest"] = ["nik", "fullName", "birthDate", "sex", "email", "phone", "education", "employment", "practiceAreas", "reason"],
    };

    /// <summary>A synthetic candidate (the NIK is not a real person's), as docs/api.md shows it.</summary>
    private const string RegisterCandidateExample = """
        { "nik": "1871014506900003", "fullName": "Siti Rahmawati, S.Sos.", "birthDate": "1990-06-05", "sex": "F",
          "email": "siti@example.org", "phone": "081234567890",
          "education": { "level": "S1", "field": "kesejahteraan-sosial", "institution": "Universitas Lampung", "graduationYear": 2012 },
          "employment": { "type": "pendamping-pkh", "organisation": "Dinas Sosial Kota Bandar Lampung", "regionCode": "18.71" },
          "practiceAreas": ["kemiskinan", "keterlantaran"] }
        """;

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.JsonTypeInfo.Type.Name;
        if (schema.Properties is null || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        if (name == "RegisterCandidate")
        {
            schema.Examples = [JsonNode.Parse(RegisterCandidateExample)!];
        }

        var request = IsRequest(name);
        OptionalRequestFields.TryGetValue(name, out var optional);
        foreach (var (property, value) in schema.Properties.ToList())
        {
            if (value is not OpenApiSchema inline)
            {
                continue;
            }

            // A required nested request object: the object itself, not "null or the object".
            if (request && optional?.Contains(property) != true && inline.OneOf is { Count: 2 } choices
                && choices.FirstOrDefault(c => c is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } notNull)
            {
                schema.Properties[property] = notNull;
                continue;
            }

            if (Enums.TryGetValue((name, property), out var codes))
            {
                var target = inline.Items as OpenApiSchema ?? inline;
                target.Enum = codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList();
            }

            if (request && optional?.Contains(property) == true)
            {
                schema.Required?.Remove(property);
            }
            else if (request && inline.Type is { } type)
            {
                inline.Type = type & ~JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Request bodies: the messages and inputs the endpoints read (responses end in Dto or Page).</summary>
    private static bool IsRequest(string name) =>
        !name.EndsWith("Dto", StringComparison.Ordinal) && !name.StartsWith("Page", StringComparison.Ordinal) && name is not ("Problem" or "JsonElement" or "UtcTimestamp")
        && !name.StartsWith("JsonWebKey", StringComparison.Ordinal) && !name.EndsWith("Page", StringComparison.Ordinal);

    private static List<string> Codes<T>(IEnumerable<T> all)
        where T : ICoded => all.Select(c => c.Code).ToList();
}
