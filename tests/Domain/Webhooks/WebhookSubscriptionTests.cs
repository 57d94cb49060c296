using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Domain.Tests.Webhooks;

public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription Subscription(params string[] numbers) => WebhookSubscription.Create(Guid.NewGuid(), "key-1",
        new Uri("https://hr.dinsos.example/hooks"), ["certificate.suspended", "exam.decided"], numbers.ToHashSet(), null, Now, lastEventId: 41);

    [Fact]
    public void TheDefaultSchedule_IsSixRetriesFrom5SecondsTo6Hours()
    {
        RetrySchedule.Default.Delays.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
            TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        RetrySchedule.Parse(" 1d, 90s ")!.Delays.Should().Equal(TimeSpan.FromDays(1), TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5s,,1m")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("5w")]
    [InlineData("1.5h")]
    public void AMalformedSchedule_IsNotRead(string text) => RetrySchedule.Parse(text).Should().BeNull();

    [Fact]
    public void ANewSubscription_StartsAfterTheLastCommittedEvent()
    {
        var subscription = Subscription();

        subscription.Position.Should().Be(41);
        subscription.Status.Should().Be(WebhookStatus.Active);
        subscription.IsDue(Now).Should().BeTrue();
        subscription.NextAttempt.Should().Be(1);
        subscription.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<WebhookCreated>();
    }

    [Fact]
    public void FailedTries_WaitForEachDelay_ThenDisableTheSubscriptionOnce()
    {
        var subscription = Subscription();
        subscription.ClearDomainEvents();
        var schedule = RetrySchedule.Parse("1m,5m")!;

        subscription.Fail(Now, schedule);
        subscription.NextAttemptAt.Should().Be(Now.AddMinutes(1));
        subscription.IsDue(Now.AddSeconds(59)).Should().BeFalse();
        subscription.IsDue(Now.AddMinutes(1)).Should().BeTrue();
        subscription.Fail(Now.AddMinutes(1), schedule);
        subscription.NextAttemptAt.Should().Be(Now.AddMinutes(6));
        subscription.DomainEvents.Should().BeEmpty();

        subscription.Fail(Now.AddMinutes(6), schedule);

        subscription.Status.Should().Be(WebhookStatus.Disabled);
        subscription.DisabledAt.Should().Be(Now.AddMinutes(6));
        subscription.IsDue(Now.AddDays(1)).Should().BeFalse();
        subscription.Position.Should().Be(41, "the undelivered event is not passed over");
        subscription.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<WebhookDisabled>().Which.Attempts.Should().Be(3);
    }

    [Fact]
    public void AnAcknowledgement_MovesOnAndClearsTheFailures()
    {
        var subscription = Subscription();
        subscription.Fail(Now, RetrySchedule.Default);

        subscription.Acknowledge(42);

        subscription.Position.Should().Be(42);
        subscription.Failures.Should().Be(0);
        subscription.NextAttemptAt.Should().BeNull();
        subscription.NextAttempt.Should().Be(1);
    }

    [Fact]
    public void AWatchList_NarrowsOnlyEventsAboutACertificate()
    {
        var watching = Subscription("PSG-2026-000002-81");

        watching.Wants("certificate.suspended", "PSG-2026-000002-81").Should().BeTrue();
        watching.Wants("certificate.suspended", "PSG-2026-000001-62").Should().BeFalse();
        watching.Wants("exam.decided", null).Should().BeTrue("an event about no certificate is not narrowed");
        watching.Wants("certificate.revoked", "PSG-2026-000002-81").Should().BeFalse("not a subscribed type");
        Subscription().Wants("certificate.suspended", "PSG-2026-000001-62").Should().BeTrue();
    }
}
