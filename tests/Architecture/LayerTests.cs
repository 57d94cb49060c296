using System.Reflection;
using NetArchTest.Rules;
using Peksos.Clean.Api.Endpoints;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Architecture.Tests;

/// <summary>Dependency direction: Api → Application + Infrastructure → Application → Domain, and nothing back.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Candidate).Assembly;
    private static readonly Assembly Application = typeof(RegisterCandidate).Assembly;
    private static readonly Assembly Infrastructure = typeof(DbSession).Assembly;
    private static readonly Assembly Api = typeof(CandidateEndpoints).Assembly;

    private static readonly string[] IoAndFrameworks =
    [
        "Dapper", "Microsoft.Data.Sqlite", "Npgsql", "DbUp", "Microsoft.AspNetCore", "Mediator",
        "Microsoft.Extensions", "System.Data", "System.Net.Http", "System.IO",
    ];

    [Fact]
    public void TheAssembliesUnderTestAreTheProjectsLayers()
    {
        // Guards against testing the wrong assembly (a classic way for architecture tests to pass vacuously).
        Domain.GetName().Name.Should().Be("Peksos.Clean.Domain");
        Application.GetName().Name.Should().Be("Peksos.Clean.Application");
        Infrastructure.GetName().Name.Should().Be("Peksos.Clean.Infrastructure");
        Api.GetName().Name.Should().Be("Peksos.Clean.Api");
        Types.InAssembly(Domain).GetTypes().Should().HaveCountGreaterThan(20);
    }

    [Fact]
    public void Domain_DependsOnNoOtherLayer()
    {
        Assert(Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Peksos.Clean.Application", "Peksos.Clean.Infrastructure", "Peksos.Clean.Api").GetResult());
    }

    [Fact]
    public void Domain_IsFreeOfIoAndFrameworks()
    {
        Assert(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(IoAndFrameworks).GetResult());
    }

    [Fact]
    public void Domain_ReferencesOnlyGuardClausesAndSpecificationBeyondTheRuntime()
    {
        Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard")
            .Should().BeSubsetOf(["Ardalis.GuardClauses"]);
    }

    [Fact]
    public void Application_DependsOnNeitherInfrastructureNorApi()
    {
        Assert(Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Peksos.Clean.Infrastructure", "Peksos.Clean.Api").GetResult());
    }

    [Fact]
    public void Application_IsFreeOfDatabasesAndAspNet()
    {
        Assert(Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Dapper", "Microsoft.Data.Sqlite", "Npgsql", "DbUp", "Microsoft.AspNetCore", "System.Data").GetResult());
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnApi()
    {
        Assert(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Peksos.Clean.Api").GetResult());
    }

    [Fact]
    public void MediatorSourceGenerator_IsReferencedByTheApiOnly()
    {
        // The generated Mediator implementation lives in the assembly that references the generator.
        Api.GetType("Mediator.Mediator").Should().NotBeNull();
        Application.GetType("Mediator.Mediator").Should().BeNull();
        Infrastructure.GetType("Mediator.Mediator").Should().BeNull();
    }

    [Fact]
    public void Canary_ARuleThatMustFail_Fails()
    {
        // Infrastructure does use Dapper: if this rule "passed", the rules above would prove nothing.
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Dapper").GetResult();

        result.IsSuccessful.Should().BeFalse();
        result.FailingTypeNames.Should().Contain(n => n.Contains("CandidateRepository", StringComparison.Ordinal));
    }

    private static void Assert(TestResult result) =>
        result.IsSuccessful.Should().BeTrue("these types break the rule: {0}", string.Join(", ", result.FailingTypeNames ?? []));
}
