using System.Diagnostics;
using System.Globalization;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Bench;

/// <summary>Host start to ready (<c>/health/ready</c> answers) on SQLite with migrations already applied: median of 5 starts.</summary>
public static class Startup
{
    public static async Task<int> RunAsync()
    {
        await using var database = TestDatabase.CreateSqlite();
        var api = Path.Combine(AppContext.BaseDirectory, "Peksos.Clean.Api.dll");
        using (await ProcessHost.StartAsync(database, api))
        {
            // first start: creates and migrates the file
        }

        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            using var host = await ProcessHost.StartAsync(database, api);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start to ready (SQLite, migrated): median {times[2]:F0} ms (runs: {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
        return 0;
    }
}
