namespace Peksos.Clean.Domain.Common;

/// <summary>Free text a person writes (a reason, a statement, a note): trimmed, bounded, tabs and line breaks allowed.</summary>
public sealed record Narrative
{
    private Narrative(string value) => Value = value;

    public string Value { get; }

    public static Result<Narrative> Parse(string? value, int maxLength, string errorCode)
    {
        var text = Text.Multiline(value, maxLength, errorCode);
        return text.IsSuccess ? new Narrative(text.Value) : text.Error!;
    }

    public override string ToString() => Value;
}
