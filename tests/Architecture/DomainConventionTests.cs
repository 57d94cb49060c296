using System.Reflection;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Architecture.Tests;

/// <summary>Aggregates keep their state private: no public constructors, no public setters.</summary>
public sealed class DomainConventionTests
{
    private static readonly Type[] Aggregates = typeof(Candidate).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(AggregateRoot)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void AggregatesAreFound()
    {
        Aggregates.Select(t => t.Name).Should().BeEquivalentTo(
            ["Candidate", "Portfolio", "CompetencyExam", "Certificate", "Assessor", "TrainingEvent", "WebhookSubscription"]);
    }

    [Fact]
    public void Aggregates_HaveNoPublicConstructors()
    {
        Aggregates.Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0)
            .Should().BeEmpty("aggregates are created through static factories that check invariants");
    }

    [Fact]
    public void Aggregates_HaveNoPublicSetters()
    {
        var setters = Aggregates
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.Name}.{p.Name}"));
        setters.Should().BeEmpty();
    }

    [Fact]
    public void Aggregates_AreSealed()
    {
        Aggregates.Where(t => !t.IsSealed).Should().BeEmpty();
    }

    [Fact]
    public void DomainAndApplication_NeverReadTheWallClock()
    {
        // Time comes from TimeProvider so every time rule is testable; DateTime.Now/UtcNow are banned.
        var offenders = new[] { typeof(Candidate).Assembly, typeof(Peksos.Clean.Application.DependencyInjection).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => CallsWallClock(m))
                .Select(m => $"{t.Name}.{m.Name}"));
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void Canary_TheWallClockDetector_SeesACallToDateTimeNow()
    {
        CallsWallClock(typeof(DomainConventionTests).GetMethod(nameof(ReadsTheWallClock), BindingFlags.NonPublic | BindingFlags.Static)!)
            .Should().BeTrue();
        CallsWallClock(typeof(DomainConventionTests).GetMethod(nameof(Canary_TheWallClockDetector_SeesACallToDateTimeNow))!)
            .Should().BeFalse();
    }

    private static DateTime ReadsTheWallClock() => DateTime.Now;

    private static bool CallsWallClock(MethodInfo method)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null)
        {
            return false;
        }

        // call/callvirt followed by a method token; resolve and compare to the DateTime/DateTimeOffset clock getters.
        for (var i = 0; i < body.Length - 4; i++)
        {
            if (body[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            var token = BitConverter.ToInt32(body, i + 1);
            MethodBase? callee;
            try
            {
                callee = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (callee is { Name: "get_Now" or "get_UtcNow" or "get_Today" }
                && (callee.DeclaringType == typeof(DateTime) || callee.DeclaringType == typeof(DateTimeOffset)))
            {
                return true;
            }
        }

        return false;
    }
}
