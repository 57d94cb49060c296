namespace Peksos.Clean.Domain.Common;

/// <summary>Checks for free text fields: trimmed, bounded, no control characters, stored in Unicode NFC.</summary>
public static class Text
{
    public static Result<string> Required(string? value, int maxLength, string errorCode)
    {
        var trimmed = value is null ? null : TextKey.Nfc(value.Trim());
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Validation(errorCode, "A value is required.");
        }

        return Check(trimmed, maxLength, errorCode);
    }

    public static Result<string?> Optional(string? value, int maxLength, string errorCode)
    {
        var trimmed = value is null ? null : TextKey.Nfc(value.Trim());
        if (string.IsNullOrEmpty(trimmed))
        {
            return Result<string?>.Success(null);
        }

        var checkedValue = Check(trimmed, maxLength, errorCode);
        return checkedValue.IsSuccess ? Result<string?>.Success(checkedValue.Value) : Result<string?>.Failure(checkedValue.Error!);
    }

    /// <summary>Multi-line text (essays, notes): tabs and line breaks allowed, other control characters not.</summary>
    public static Result<string> Multiline(string? value, int maxLength, string errorCode)
    {
        var trimmed = value is null ? null : TextKey.Nfc(value.Trim());
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Validation(errorCode, "A value is required.");
        }

        if (trimmed.Length > maxLength)
        {
            return Error.Validation(errorCode, $"At most {maxLength} characters.");
        }

        return trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? Error.Validation(errorCode, "Control characters are not allowed.")
            : trimmed;
    }

    private static Result<string> Check(string trimmed, int maxLength, string errorCode)
    {
        if (trimmed.Length > maxLength)
        {
            return Error.Validation(errorCode, $"At most {maxLength} characters.");
        }

        return trimmed.Any(char.IsControl)
            ? Error.Validation(errorCode, "Control characters are not allowed.")
            : trimmed;
    }
}
