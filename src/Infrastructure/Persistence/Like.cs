namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>Escapes a user's text for a LIKE pattern (with <c>ESCAPE '\'</c>), so % and _ are matched literally.</summary>
internal static class Like
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
