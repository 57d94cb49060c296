using System.Text.Json;
using System.Text.Json.Serialization;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Certificates.VerifyCertificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Reference;
using Peksos.Clean.Application.Schemes;

namespace Peksos.Clean.Api.Http;

/// <summary>Source-generated JSON for the hottest responses, on the generated fast path (why no converter: docs/decisions.md, "JSON").</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(VerificationDto))]
[JsonSerializable(typeof(IReadOnlyList<BulkVerificationDto>))]
[JsonSerializable(typeof(CertificateDto))]
[JsonSerializable(typeof(Page<RegisterEntryDto>))]
[JsonSerializable(typeof(IReadOnlyList<ProvinceDto>))]
[JsonSerializable(typeof(IReadOnlyList<PmksCategoryDto>))]
[JsonSerializable(typeof(IReadOnlyList<SchemeDto>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
