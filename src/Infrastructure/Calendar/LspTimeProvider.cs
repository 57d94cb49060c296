namespace Peksos.Clean.Infrastructure.Calendar;

/// <summary>The system clock in the LSP's time zone (<c>Lsp:TimeZone</c>): every calendar date is the LSP's, timestamps stay UTC.</summary>
public sealed class LspTimeProvider(TimeProvider inner, TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Asia/Jakarta";

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>The configured zone (IANA name); WIB without the system's zone database, as it has no daylight saving.</summary>
    public static TimeZoneInfo? Zone(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? DefaultZone : name.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return name == DefaultZone ? TimeZoneInfo.CreateCustomTimeZone(DefaultZone, TimeSpan.FromHours(7), "WIB", "WIB") : null;
        }
    }
}
