using System.Globalization;

namespace Peksos.Clean.Domain.Webhooks;

/// <summary>
/// How long to wait before each retry of a failed delivery (<c>Webhooks:RetryDelays</c>): one try, then one more per
/// delay; when they are spent the subscription is disabled.
/// </summary>
public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays)
{
    public static readonly RetrySchedule Default = Parse("5s,30s,2m,10m,1h,6h")!;

    /// <summary>The wait after the <paramref name="failures"/>-th failed try, or null when no try is left.</summary>
    public TimeSpan? DelayAfter(int failures) => failures >= 1 && failures <= Delays.Count ? Delays[failures - 1] : null;

    /// <summary>Reads a comma-separated list of positive durations such as <c>5s,30s,2m,1h,1d</c>; null when malformed.</summary>
    public static RetrySchedule? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var delays = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (ParseDuration(part) is not { } delay)
            {
                return null;
            }

            delays.Add(delay);
        }

        return new RetrySchedule(delays);
    }

    /// <summary>A positive whole number of seconds, minutes, hours or days: <c>10s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c>; null otherwise.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (text is null || text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
