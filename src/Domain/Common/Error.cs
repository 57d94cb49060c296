namespace Peksos.Clean.Domain.Common;

/// <summary>How an <see cref="Error"/> is to be understood by a caller (the Api maps it to a status code).</summary>
public enum ErrorKind
{
    /// <summary>Malformed or out-of-range input (400).</summary>
    Validation,
    /// <summary>The resource does not exist or the caller may not see it (404).</summary>
    NotFound,
    /// <summary>The action conflicts with the current state (409).</summary>
    Conflict,
    /// <summary>Well-formed, but a certification rule says no (422).</summary>
    Rule,
    /// <summary>Authenticated but not allowed (403).</summary>
    Forbidden,
    /// <summary>The caller's expected version is not the current one (412).</summary>
    PreconditionFailed,
    /// <summary>The body is larger than allowed (413).</summary>
    TooLarge,
    /// <summary>The body is not of a type accepted here, or not what its content type says (415).</summary>
    UnsupportedType,
    /// <summary>Stored data failed its integrity check on the way out (502: the store answered something else than was put in).</summary>
    Corrupt,
}

/// <summary>
/// An expected failure with a stable machine code (e.g. <c>nik.invalid</c>). Field errors name the request field;
/// rule failures may carry every unmet item at once in <see cref="Details"/>.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    /// <summary>The request field the error is about, when there is one (camelCase, dotted for nested fields).</summary>
    public string? Field { get; init; }

    /// <summary>What an item of a list is about, e.g. <c>("participantId", id)</c> for one participant's unmet eligibility.</summary>
    public (string Name, Guid Id)? Subject { get; init; }

    /// <summary>Every individual failure behind this one (field errors, unmet requirements).</summary>
    public IReadOnlyList<Error> Details { get; init; } = [];

    public static Error Validation(string code, string message, string? field = null) =>
        new(code, message, ErrorKind.Validation) { Field = field };

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Rule(string code, string message) => new(code, message, ErrorKind.Rule);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error TooLarge(string code, string message) => new(code, message, ErrorKind.TooLarge);

    public static Error UnsupportedType(string code, string message) => new(code, message, ErrorKind.UnsupportedType);

    public static Error Corrupt(string code, string message) => new(code, message, ErrorKind.Corrupt);

    /// <summary>Several field errors reported together; the first one's code leads.</summary>
    public static Error ValidationFailed(IReadOnlyList<Error> fieldErrors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fieldErrors.Count);
        if (fieldErrors.Count == 1)
        {
            return fieldErrors[0];
        }

        var first = fieldErrors[0];
        return new Error(first.Code, $"{fieldErrors.Count} fields are invalid; the first: {first.Message}", ErrorKind.Validation)
        {
            Field = first.Field,
            Details = fieldErrors,
        };
    }

    /// <summary>Returns a copy naming <paramref name="field"/> (prefixed to any field already named).</summary>
    public Error AtField(string field) =>
        this with { Field = Field is null ? field : $"{field}.{Field}" };
}
