using Peksos.Clean.Application.Webhooks;
using Peksos.Clean.Domain.Webhooks;
using Peksos.Clean.Infrastructure.Webhooks;

namespace Peksos.Clean.Infrastructure.Tests.Webhooks;

public sealed class WebhookSenderTests
{
    [Fact]
    public async Task WithoutPrivateTargetsAllowed_ADeliveryNeverConnectsToALoopbackAddress()
    {
        using var sender = new WebhookSender(new WebhookOptions(RetrySchedule.Default, TimeSpan.FromSeconds(2), RequireHttps: false, AllowPrivateTargets: false), TimeProvider.System);

        var outcome = await sender.SendAsync(new Uri("http://localhost:9/hook"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "1", "{}", CancellationToken.None);

        outcome.Succeeded.Should().BeFalse();
        outcome.ResponseStatus.Should().BeNull();
        outcome.Error.Should().Be("'localhost' resolves to no public address.");
    }
}
