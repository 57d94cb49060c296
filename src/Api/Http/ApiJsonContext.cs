using System.Text.Json;
using System.Text.Json.Serialization;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Certificates.VerifyCertificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Reference;

namespace Peksos.Clean.Api.Http;

/// <summary>
/// Source-generated JSON for the hottest responses (verification, certificates, the register, reference data), ahead of
/// every library's context in the resolver chain (only <see cref="UtcTimestamps"/>, which answers for nothing but
/// <see cref="DateTimeOffset"/>, comes before it); every other type falls back to reflection with the same options. The options carry no
/// converters, so System.Text.Json writes these types with the generated fast-path code (a converter in the options
/// would switch it off); timestamps inside these DTOs are <see cref="Application.Common.UtcTimestamp"/>, which carries
/// its format on its type (other DTOs get theirs from <see cref="UtcTimestamps"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VerificationDto))]
[JsonSerializable(typeof(IReadOnlyList<BulkVerificationDto>))]
[JsonSerializable(typeof(CertificateDto))]
[JsonSerializable(typeof(Page<RegisterEntryDto>))]
[JsonSerializable(typeof(IReadOnlyList<ProvinceDto>))]
[JsonSerializable(typeof(IReadOnlyList<PmksCategoryDto>))]
[JsonSerializable(typeof(IReadOnlyList<SchemeDto>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
