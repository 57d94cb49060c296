using System.Net;
using Peksos.Clean.Infrastructure.Webhooks;

namespace Peksos.Clean.Infrastructure.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public void TheSignature_MatchesTheStandardWebhooksSpecificationsExample() =>
        WebhookSender.Signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                DateTimeOffset.FromUnixTimeSeconds(1614265330), """{"test": 2432232314}""")
            .Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void NonPublicAddresses_AreRefused(string address) => WebhookTargets.IsPublic(IPAddress.Parse(address)).Should().BeFalse();

    [Theory]
    [InlineData("103.10.20.30")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void PublicAddresses_AreAllowed(string address) => WebhookTargets.IsPublic(IPAddress.Parse(address)).Should().BeTrue();
}
