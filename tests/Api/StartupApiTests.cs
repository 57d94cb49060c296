using System.Diagnostics;

namespace Peksos.Clean.Api.Tests;

/// <summary>The host as an operator starts it: a real process, its exit code and what it prints.</summary>
public sealed class StartupApiTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [api, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Production_WithEverySettingMissing_NamesThemAllInOneMessage_AndExitsWithoutAStackTrace()
    {
        var (exitCode, output, error) = await RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Security__NikIndexKey"] = "not-base64!",
            ["ConnectionStrings__Peksos"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"peksos-startup-{Guid.NewGuid():N}.db")}",
        });

        exitCode.Should().Be(2);
        foreach (var setting in new[] { "Auth:BootstrapAdminKey", "Security:NikEncryptionKey", "Security:NikIndexKey", "Security:SigningKeyEncryptionKey", "Certificates:PublicBaseUrl" })
        {
            error.Should().Contain(setting);
        }

        error.Should().NotContain("   at ").And.NotContain("Exception");
        output.Should().NotContain("Now listening");
    }

    [Fact]
    public async Task Help_PrintsTheCommands_AndExits()
    {
        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string>(), "--help");

        exitCode.Should().Be(0);
        output.Should().Contain("seed-demo").And.Contain("rotate-signing-key").And.Contain("--urls");
    }
}
