using Microsoft.Playwright;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// What a person sees: Debian's Chromium (driven by Playwright, JavaScript off, a phone-sized window) opens the
/// verification pages of an active, a suspended and a revoked certificate served by a real host process.
/// Screenshots are saved under the test output's <c>screenshots</c> folder.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task VerificationPages_ShowActiveSuspendedAndRevokedUnmistakably()
    {
        Skip.IfNot(File.Exists(Chromium), $"needs Debian's chromium at {Chromium} (bash .ci/run installs it)");
        await using var database = TestDatabase.CreateSqlite();
        using var host = await ProcessHost.StartAsync(database, typeof(Program).Assembly.Location);
        var api = new ApiDriver(host.Client) { ExamDay = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)) }; // the host's calendar is WIB
        var numbers = await api.IssueCertificates(3, host.ClientWithKey);
        await api.Post($"/api/v1/certificates/{numbers[1]}/suspend", new { reason = "Sedang diperiksa komite etik." }, System.Net.HttpStatusCode.OK);
        await api.Post($"/api/v1/certificates/{numbers[2]}/revoke", new { reason = "Pelanggaran kode etik." }, System.Net.HttpStatusCode.OK);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);

        foreach (var (number, status, label, valid) in new[]
        {
            (numbers[0], "active", "SAH — AKTIF", true),
            (numbers[1], "suspended", "DIBEKUKAN", false),
            (numbers[2], "revoked", "DICABUT", false),
        })
        {
            var token = (await (await api.Admin.GetAsync($"/api/v1/certificates/{number}")).ShouldBeJson(System.Net.HttpStatusCode.OK))
                .GetProperty("signedToken").GetString()!;
            var response = await page.GotoAsync($"{host.BaseUrl}/verify/{number}?t={Uri.EscapeDataString(token)}");
            response!.Status.Should().Be(200);

            var banner = page.Locator("[data-status]");
            (await banner.GetAttributeAsync("data-status")).Should().Be(status);
            (await banner.InnerTextAsync()).Should().Contain(label);
            var box = await banner.BoundingBoxAsync();
            box!.Width.Should().BeGreaterThan(300, "the status spans the phone screen");
            box.Y.Should().BeLessThan(200, "the status is the first thing a person sees");
            (await page.Locator("dl").InnerTextAsync()).Should().Contain("Siti Rahmawati, S.Sos.").And.Contain(number).And.Contain("LSP Pekerja Sosial Indonesia");
            (await page.Locator("[data-token]").GetAttributeAsync("data-token")).Should().Be("valid");
            (await page.Locator(".qr img").IsVisibleAsync()).Should().BeTrue();
            if (!valid)
            {
                (await page.ContentAsync()).Should().NotContain("SAH — AKTIF");
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"verify-{status}.png"), FullPage = true });
        }

        // A forged document: an active certificate's token with another name in it. The headline is the red refusal, never the green banner.
        var genuine = (await (await api.Admin.GetAsync($"/api/v1/certificates/{numbers[0]}")).ShouldBeJson(System.Net.HttpStatusCode.OK)).GetProperty("signedToken").GetString()!;
        var parts = genuine.Split('.');
        var claims = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("Siti Rahmawati", "Someone Else", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
        await page.GotoAsync($"{host.BaseUrl}/verify/{numbers[0]}?t={Uri.EscapeDataString(forged)}");
        var headline = page.Locator("p.status");
        (await headline.GetAttributeAsync("data-token")).Should().Be("invalid");
        (await headline.GetAttributeAsync("class")).Should().Contain("revoked", "the refusal wears the red of a revoked certificate");
        (await headline.InnerTextAsync()).Should().Contain("DOKUMEN TIDAK SAH").And.NotContain("SAH — AKTIF");
        (await headline.BoundingBoxAsync())!.Y.Should().BeLessThan(200, "the refusal is the first thing a person sees");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "verify-tampered.png"), FullPage = true });
    }
}
