using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>The file types evidence may be (PDF, JPEG, PNG), each recognised by its first bytes, not by the header alone.</summary>
public sealed record EvidenceFileType : ICoded
{
    private readonly byte[] _signature;

    private EvidenceFileType(string contentType, params byte[] signature)
    {
        Code = contentType;
        _signature = signature;
    }

    /// <summary>The content type, e.g. <c>application/pdf</c>.</summary>
    public string Code { get; }

    public static readonly EvidenceFileType Pdf = new("application/pdf", "%PDF-"u8.ToArray());
    public static readonly EvidenceFileType Jpeg = new("image/jpeg", 0xFF, 0xD8, 0xFF);
    public static readonly EvidenceFileType Png = new("image/png", 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);

    public static IReadOnlyList<EvidenceFileType> All { get; } = [Pdf, Jpeg, Png];

    /// <summary>The longest signature: how many first bytes to read before deciding.</summary>
    public const int SignatureLength = 8;

    /// <summary>The type a request's <c>Content-Type</c> names (parameters such as <c>; charset</c> ignored).</summary>
    public static Result<EvidenceFileType> FromContentType(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return All.FirstOrDefault(t => string.Equals(t.Code, media, StringComparison.OrdinalIgnoreCase)) is { } type
            ? type
            : Error.UnsupportedType("file.type-not-allowed", $"Evidence files are {string.Join(", ", All.Select(t => t.Code))}; not '{media}'.");
    }

    /// <summary>Whether the file's first bytes are this type's signature.</summary>
    public bool Matches(ReadOnlySpan<byte> head) => head.StartsWith(_signature);

    public static Error Mismatch(EvidenceFileType declared) =>
        Error.UnsupportedType("file.type-mismatch", $"The file's bytes are not {declared.Code}, which its content type says.");

    public override string ToString() => Code;
}
