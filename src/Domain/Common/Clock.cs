namespace Peksos.Clean.Domain.Common;

/// <summary>
/// Calendar dates are the LSP's (domain.md §10): the clock's local time zone is the LSP's (<c>Lsp:TimeZone</c>,
/// default Asia/Jakarta); timestamps stay UTC.
/// </summary>
public static class Clock
{
    /// <summary>Today's date in the LSP's time zone: ages, periods, validity, expiry, appeal windows, reports.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The LSP's calendar date of an instant.</summary>
    public static DateOnly DateOf(this TimeProvider clock, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);
}
