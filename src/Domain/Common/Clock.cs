namespace Peksos.Clean.Domain.Common;

public static class Clock
{
    /// <summary>Today's date as the system counts dates (UTC): validity, expiry, appeal windows, reports.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
