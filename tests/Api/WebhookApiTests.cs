using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// Webhooks over HTTP on each engine, delivered to a real receiver on loopback: signed and in order, retried with the
/// same <c>webhook-id</c>, a dead receiver disabled, a watch-list narrowed to its certificates, a restart losing no
/// delivery, and the expiry reminders raised once each. Retries wait on the host's (fake) clock.
/// </summary>
public abstract class WebhookApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:RetryDelays"] = "1m,5m",
        ["Webhooks:PollInterval"] = "1s",
        ["Webhooks:Timeout"] = "2s",
        ["Certificates:ExpiryReminderInterval"] = "1s",
    };

    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider, Settings);
        _api = new ApiDriver(_factory.CreateAdminClient());
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [SkippableFact]
    public async Task Deliveries_ArriveSignedAndInEventOrder_AsTheFeedServesThem()
    {
        var response = await _api.Admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = _receiver.Url, eventTypes = new[] { "certificate.issued", "exam.decided" }, description = "Sistem kepegawaian Dinas Sosial" });
        var created = await response.ShouldBeJson(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var secret = created.GetProperty("secret").GetString()!;
        secret.Should().StartWith("whsec_");
        created.GetProperty("status").GetString().Should().Be("active");
        var id = created.GetProperty("id").GetGuid();

        await _api.IssueCertificates(3, _factory.CreateClientWithKey);

        var received = await _receiver.WaitForAsync(4);
        received.Should().HaveCount(4);
        received.Should().OnlyContain(d => WebhookReceiver.SignedWith(d, secret), "every delivery is signed with the subscription's secret");
        var feed = (await _api.Admin.GetFromJsonAsync<JsonElement>("/api/v1/events?limit=200")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is "certificate.issued" or "exam.decided").ToList();
        received.Select(d => d.Id).Should().Equal(feed.Select(e => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)), "in event order, each event's id as webhook-id");
        for (var i = 0; i < feed.Count; i++)
        {
            var body = JsonDocument.Parse(received[i].Body).RootElement;
            body.GetProperty("id").GetInt64().Should().Be(feed[i].GetProperty("id").GetInt64());
            body.GetProperty("type").GetString().Should().Be(feed[i].GetProperty("type").GetString());
            body.GetProperty("occurredAt").GetString().Should().Be(feed[i].GetProperty("occurredAt").GetString());
            body.GetProperty("data").GetRawText().Should().Be(feed[i].GetProperty("data").GetRawText());
        }

        var deliveries = await Deliveries(id);
        deliveries.Should().HaveCount(4).And.OnlyContain(d => d.GetProperty("status").GetString() == "succeeded" && d.GetProperty("attempt").GetInt32() == 1
            && d.GetProperty("responseStatus").GetInt32() == 200);
        (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).TryGetProperty("secret", out _).Should().BeFalse("the secret is shown once");

        // The hourly housekeeping keeps the delivery log for 30 days.
        _factory.Clock.Advance(TimeSpan.FromDays(31));
        await Until(async () => (await Deliveries(id)).Count == 0);
    }

    [SkippableFact]
    public async Task AReceiverFailingTwice_GetsTheSameWebhookIdThreeTimes_ThenTheNextEvent()
    {
        _receiver.Status = n => n <= 2 ? 500 : 200;
        var id = await Subscribe("certificate.suspended");
        var numbers = await _api.IssueCertificates(2, _factory.CreateClientWithKey);
        await Suspend(numbers[0]);
        await Suspend(numbers[1]);

        (await _receiver.WaitForAsync(1)).Should().HaveCount(1);
        await Task.Delay(1500);
        _receiver.Received.Should().HaveCount(1, "the retry waits for its delay and the second event waits behind the first");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Until(async () => (await Deliveries(id)).Count == 2);
        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Until(async () => (await Deliveries(id)).Count == 4);
        var received = _receiver.Received;

        received.Take(3).Select(d => d.Id).Distinct().Should().ContainSingle("a retry is the same message");
        received[3].Id.Should().NotBe(received[0].Id);
        JsonDocument.Parse(received[3].Body).RootElement.GetProperty("data").GetProperty("number").GetString().Should().Be(numbers[1]);
        var deliveries = (await Deliveries(id)).AsEnumerable().Reverse().ToList();
        deliveries.Select(d => (d.GetProperty("attempt").GetInt32(), d.GetProperty("status").GetString())).Should()
            .Equal((1, "failed"), (2, "failed"), (3, "succeeded"), (1, "succeeded"));
        deliveries[0].GetProperty("responseStatus").GetInt32().Should().Be(500);
    }

    [SkippableFact]
    public async Task ADeadReceiver_IsDisabledWhenItsTriesRunOut_AndDelaysNoOtherSubscription()
    {
        _receiver.NeverAnswer = true;
        var dead = await Subscribe("certificate.issued");
        await using var healthy = await WebhookReceiver.StartAsync();
        var healthyId = await Subscribe("certificate.issued", url: healthy.Url);

        await _api.IssueCertificates(2, _factory.CreateClientWithKey);
        await healthy.WaitForAsync(2);
        await Until(async () => (await Deliveries(dead)).Count == 1); // the first try timed out
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Until(async () => (await Deliveries(dead)).Count == 2);
        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await _receiver.WaitForAsync(3);

        await Until(async () => (await Get($"/api/v1/webhooks/{dead}")).GetProperty("status").GetString() == "disabled");
        var disabled = (await _api.Admin.GetFromJsonAsync<JsonElement>("/api/v1/events?limit=200")).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "webhook.disabled");
        disabled.GetProperty("data").GetProperty("webhookId").GetGuid().Should().Be(dead);
        disabled.GetProperty("data").GetProperty("url").GetString().Should().Be(_receiver.Url.ToString());
        (await Deliveries(dead)).Should().HaveCount(3).And.OnlyContain(d => d.GetProperty("status").GetString() == "failed"
            && d.GetProperty("error").GetString() == "No answer in time.");
        (await Get($"/api/v1/webhooks/{healthyId}")).GetProperty("status").GetString().Should().Be("active");

        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(1500);
        _receiver.Received.Should().HaveCount(3, "a disabled subscription gets nothing more");
    }

    [SkippableFact]
    public async Task AWatchList_ReceivesOnlyItsCertificates()
    {
        var numbers = await _api.IssueCertificates(3, _factory.CreateClientWithKey);
        var consumer = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        var created = await _api.Post("/api/v1/webhooks", new
        {
            url = _receiver.Url,
            eventTypes = new[] { "certificate.suspended", "certificate.reinstated", "exam.decided" },
            certificateNumbers = new[] { numbers[1] },
        }, HttpStatusCode.Created, consumer);
        created.GetProperty("certificateNumbers").EnumerateArray().Select(n => n.GetString()).Should().Equal(numbers[1]);

        foreach (var number in numbers)
        {
            await Suspend(number);
        }

        var received = await _receiver.WaitForAsync(1);
        await Task.Delay(1500);
        _receiver.Received.Should().ContainSingle();
        JsonDocument.Parse(received[0].Body).RootElement.GetProperty("data").GetProperty("number").GetString().Should().Be(numbers[1]);
    }

    [SkippableFact]
    public async Task ARestartInTheMiddleOfARetrySequence_LosesNoDelivery()
    {
        _receiver.Status = n => n == 1 ? 503 : 200;
        var id = await Subscribe("certificate.issued");
        var numbers = await _api.IssueCertificates(2, _factory.CreateClientWithKey);
        await _receiver.WaitForAsync(1);
        await Until(async () => (await Deliveries(id)).Count == 1);

        var restarted = _factory.Successor();
        await _factory.DisposeAsync();
        _factory = restarted;
        _api = new ApiDriver(_factory.CreateAdminClient());
        (await _api.Admin.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Until(async () => (await Deliveries(id)).Count == 3);
        var received = _receiver.Received;
        received.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("number").GetString())
            .Should().Equal(numbers[0], numbers[0], numbers[1]);
        received[1].Id.Should().Be(received[0].Id);
        (await Deliveries(id)).AsEnumerable().Reverse().Select(d => d.GetProperty("attempt").GetInt32()).Should().Equal(1, 2, 1);
    }

    [SkippableFact]
    public async Task TheExpiryJob_RaisesEachReminderOnce_90And30DaysBeforeTheEndOfValidity()
    {
        var number = (await _api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
        await Subscribe("certificate.expiring");
        var validUntil = DateOnly.Parse((await Get($"/api/v1/certificates/{number}")).GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        // 08:00 in Jakarta on the day 91, then 90, then 30 days before validUntil.
        DateTimeOffset Morning(int daysBefore) => new(validUntil.AddDays(-daysBefore).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        _factory.Clock.SetUtcNow(Morning(91));
        await Task.Delay(2500);
        (await Expiring()).Should().BeEmpty();

        _factory.Clock.SetUtcNow(Morning(90));
        await Until(async () => (await Expiring()).Count == 1);
        await Task.Delay(2500);
        _factory.Clock.SetUtcNow(Morning(60));
        await Task.Delay(1500);
        _factory.Clock.SetUtcNow(Morning(30));
        await Until(async () => (await Expiring()).Count == 2);
        await Task.Delay(2500);

        var expiring = await Expiring();
        expiring.Select(e => e.GetProperty("daysBefore").GetInt32()).Should().Equal(90, 30);
        expiring.Should().OnlyContain(e => e.GetProperty("number").GetString() == number && e.GetProperty("validUntil").GetString() == validUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var received = await _receiver.WaitForAsync(2);
        received.Should().HaveCount(2);
    }

    /// <summary>Two nodes on one PostgreSQL database (run by <see cref="PostgresWebhookApiTests"/>).</summary>
    protected async Task EachEventIsDeliveredOnceOnTwoNodes()
    {
        var id = await Subscribe("certificate.issued");
        await using var second = _factory.SecondNode();
        var other = new ApiDriver(second.CreateAdminClient(), firstNikSerial: 5_000);
        (await other.Admin.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        var issued = await Task.WhenAll(_api.IssueCertificates(3, _factory.CreateClientWithKey), other.IssueCertificates(3, second.CreateClientWithKey));

        await Until(async () => (await Deliveries(id)).Count == 6);
        await Task.Delay(1500);
        var received = _receiver.Received;
        received.Should().HaveCount(6, "whichever node commits, one node delivers");
        received.Select(d => long.Parse(d.Id, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        received.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("number").GetString())
            .Should().BeEquivalentTo(issued.SelectMany(n => n));
    }

    [SkippableFact]
    public async Task Subscriptions_AreRefusedWithClearErrors_AndAConsumerSeesOnlyItsOwn()
    {
        await (await _api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://example.org/hook", eventTypes = new[] { "certificate.issued" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.url-invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://user:pw@example.org/hook", eventTypes = new[] { "certificate.issued" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.url-invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = new[] { "certificate.printed" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.event-types-invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = Array.Empty<string>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.event-types-invalid");
        await (await _api.Admin.PostAsJsonAsync("/api/v1/webhooks",
                new { url = _receiver.Url, eventTypes = new[] { "certificate.revoked" }, certificateNumbers = new[] { "PSG-2026-000001-00" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.certificate-numbers-invalid");

        using var first = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        using var second = _factory.CreateClientWithKey(await _api.CreateKey("consumer"));
        var mine = (await _api.Post("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = new[] { "certificate.revoked" } }, HttpStatusCode.Created, first))
            .GetProperty("id").GetGuid();
        await _api.Post("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = new[] { "certificate.issued" } }, HttpStatusCode.Created, second);

        (await first.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid())
            .Should().Equal(mine);
        (await _api.Admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("items").GetArrayLength().Should().Be(2);
        await (await second.GetAsync($"/api/v1/webhooks/{mine}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not-found");
        await (await second.GetAsync($"/api/v1/webhooks/{mine}/deliveries")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not-found");
        await (await second.DeleteAsync($"/api/v1/webhooks/{mine}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not-found");
        (await first.DeleteAsync($"/api/v1/webhooks/{mine}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await first.GetAsync($"/api/v1/webhooks/{mine}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not-found");
    }

    private async Task<Guid> Subscribe(string type, Uri? url = null) =>
        (await _api.Post("/api/v1/webhooks", new { url = url ?? _receiver.Url, eventTypes = new[] { type } }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private Task Suspend(string number) =>
        _api.Post($"/api/v1/certificates/{number}/suspend", new { reason = "Sedang diperiksa komite etik." }, HttpStatusCode.OK);

    private async Task<JsonElement> Get(string url) => await _api.Admin.GetFromJsonAsync<JsonElement>(url);

    private async Task<List<JsonElement>> Deliveries(Guid id) => [.. (await Get($"/api/v1/webhooks/{id}/deliveries")).GetProperty("items").EnumerateArray()];

    private async Task<List<JsonElement>> Expiring() =>
        [.. (await Get("/api/v1/events?limit=200")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "certificate.expiring").Select(e => e.GetProperty("data"))];

    private static async Task Until(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, "the condition should hold within 10 s");
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteWebhookApiTests() : WebhookApiTests(DatabaseProvider.Sqlite);

/// <summary>Without <c>Webhooks:AllowPrivateTargets</c>, a subscription cannot point inside the network (SSRF).</summary>
public sealed class WebhookTargetApiTests : IAsyncLifetime
{
    private readonly PeksosApiFactory _factory = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task LoopbackLinkLocalAndPrivateTargets_AreRefused(string url)
    {
        using var admin = _factory.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "certificate.revoked" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.url-private");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("items").GetArrayLength().Should().Be(0);
    }
}

public sealed class PostgresWebhookApiTests() : WebhookApiTests(DatabaseProvider.Postgres)
{
    [SkippableFact]
    public Task OnTwoNodes_EachEventIsDeliveredOnce_InEventOrder() => EachEventIsDeliveredOnceOnTwoNodes();
}
