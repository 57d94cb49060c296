using System.Reflection;
using System.Text.RegularExpressions;
using Mediator;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Architecture.Tests;

/// <summary>One shape for every use case (docs/architecture.md): each rule here has a canary proving it can fail.</summary>
public sealed partial class UseCaseShapeTests
{
    private static readonly Assembly Application = typeof(RegisterCandidate).Assembly;
    private static readonly Assembly Domain = typeof(Candidate).Assembly;
    private static readonly Type[] HandlerInterfaces = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IStreamQueryHandler<,>)];

    [Fact]
    public void Handlers_HandleOneMessage_InTheFolderNamedAfterIt()
    {
        var handlers = Application.GetTypes().Where(IsHandler).ToList();

        handlers.Should().HaveCountGreaterThan(40);
        HandlerShapeViolations(handlers).Should().BeEmpty();
    }

    [Fact]
    public void Canary_HandlerShape_SeesTwoMessagesOnOneHandlerAndAHandlerOutsideItsFolder()
    {
        HandlerShapeViolations([typeof(Canaries.TwoMessagesHandler), typeof(Canaries.Misplaced.ProbeHandler)])
            .Should().HaveCount(2);
        HandlerShapeViolations([typeof(Canaries.Probe.ProbeHandler)]).Should().BeEmpty();
    }

    [Fact]
    public void Domain_NamesNoRequestField()
    {
        var offenders = Domain.GetTypes().Where(t => t != typeof(Error))
            .SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            .Where(NamesARequestField)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        offenders.Should().BeEmpty("the domain returns errors without request paths; each use case's Parse() names the fields");
    }

    [Fact]
    public void Canary_RequestFieldDetector_SeesAFieldParameterAFieldPathAndAtField()
    {
        NamesARequestField(Method(nameof(TakesAField))).Should().BeTrue();
        NamesARequestField(Method(nameof(GivesAFieldPath))).Should().BeTrue();
        NamesARequestField(Method(nameof(MovesAnErrorToAField))).Should().BeTrue();
        NamesARequestField(Method(nameof(GivesNoField))).Should().BeFalse();
    }

    [Fact]
    public void UseCaseFolders_HoldOneFileNamedAfterTheirMessage_WithItsOnlyHandler()
    {
        var folders = Directory.GetDirectories(SourceRoot("src/Application")).Where(IsSource).SelectMany(Directory.GetDirectories).Where(IsSource).ToList();

        folders.Should().HaveCountGreaterThan(40);
        folders.SelectMany(d => UseCaseFolderViolations(Path.GetFileName(d), Directory.GetFiles(d, "*.cs").ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText)))
            .Should().BeEmpty();
    }

    [Fact]
    public void Canary_UseCaseFolder_SeesAMissingMessageFileAndASecondHandler()
    {
        UseCaseFolderViolations("PlanExam", new() { ["Plan.cs"] = "public sealed record PlanExam;" }).Should().NotBeEmpty();
        UseCaseFolderViolations("PlanExam", new()
        {
            ["PlanExam.cs"] = "public sealed record PlanExam;\npublic sealed class PlanExamHandler\npublic sealed class OtherHandler",
        }).Should().NotBeEmpty();
        UseCaseFolderViolations("PlanExam", new() { ["PlanExam.cs"] = "public sealed record PlanExam;\npublic sealed class PlanExamHandler" })
            .Should().BeEmpty();
    }

    [Fact]
    public void SourceFiles_HoldTheTypeTheyAreNamedAfter()
    {
        var files = Directory.GetFiles(SourceRoot("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        files.Should().HaveCountGreaterThan(150);
        files.Where(f => !HoldsItsNamesake(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).Select(Path.GetFileName).Should().BeEmpty();
    }

    [Fact]
    public void Canary_FileNaming_SeesAFileWithoutItsNamesake()
    {
        HoldsItsNamesake("PortfolioDto", "public sealed class PortfolioContext { }").Should().BeFalse();
        HoldsItsNamesake("PortfolioDto", "public sealed record PortfolioDto;").Should().BeTrue();
        HoldsItsNamesake("ExamPorts", "public interface IExamRepository;").Should().BeTrue();
        HoldsItsNamesake("CompetencyExam.Attendance", "public sealed partial class CompetencyExam").Should().BeTrue();
    }

    [Fact]
    public void ApplicationPorts_LiveInTheirModulesPortsFile()
    {
        var outside = Directory.GetFiles(SourceRoot("src/Application"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(SourceRoot("src/Application"), f).Split(Path.DirectorySeparatorChar)[0] is not ("Abstractions" or "Common" or "Behaviours" or "obj" or "bin"))
            .Where(f => DeclaresAPort(File.ReadAllText(f)) && !Path.GetFileName(f).EndsWith("Ports.cs", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        outside.Should().BeEmpty("a module's ports are in one file, <Module>Ports.cs");
    }

    [Fact]
    public void Canary_PortDetector_SeesAnInterface()
    {
        DeclaresAPort("public interface IRosterReader\n{").Should().BeTrue();
        DeclaresAPort("public sealed class RosterReader").Should().BeFalse();
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()));

    private static List<string> HandlerShapeViolations(IEnumerable<Type> handlers)
    {
        var violations = new List<string>();
        foreach (var handler in handlers)
        {
            var messages = handler.GetInterfaces()
                .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
                .Select(i => i.GetGenericArguments()[0])
                .ToList();
            var folder = handler.Namespace?.Split('.')[^1];
            if (messages.Count != 1)
            {
                violations.Add($"{handler.Name} handles {messages.Count} messages");
            }
            else if (messages[0].Name != folder || handler.Name != $"{folder}Handler" || messages[0].Namespace != handler.Namespace)
            {
                violations.Add($"{handler.Name} (for {messages[0].Name}) is in namespace {handler.Namespace}");
            }
        }

        return violations;
    }

    private static bool NamesARequestField(MethodBase method)
    {
        if (method.GetParameters().Any(p => p.Name is "field" or "fieldPath"))
        {
            return true;
        }

        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null)
        {
            return false;
        }

        for (var i = 1; i < body.Length - 4; i++)
        {
            if (body[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            MethodBase? callee;
            try
            {
                callee = method.Module.ResolveMethod(BitConverter.ToInt32(body, i + 1));
            }
            catch (ArgumentException)
            {
                continue;
            }

            // Error.AtField, or Error.Validation with a third argument that is not the default null (ldnull, 0x14).
            if (callee?.DeclaringType == typeof(Error)
                && (callee.Name == nameof(Error.AtField) || (callee.Name == nameof(Error.Validation) && body[i - 1] != 0x14)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> UseCaseFolderViolations(string folder, Dictionary<string, string> files)
    {
        var violations = new List<string>();
        if (!files.TryGetValue($"{folder}.cs", out var main) || !Regex.IsMatch(main, $@"\brecord {folder}\b"))
        {
            violations.Add($"{folder}: no {folder}.cs declaring the message {folder}");
        }

        foreach (var (name, text) in files)
        {
            var handlers = HandlerClass().Count(text);
            if (handlers > 1 || (handlers == 1 && name != $"{folder}.cs"))
            {
                violations.Add($"{folder}/{name}: {handlers} handler(s)");
            }
        }

        return violations;
    }

    private static bool HoldsItsNamesake(string fileName, string text)
    {
        var names = TopLevelType().Matches(text).Select(m => m.Groups[1].Value).ToList();
        // A part of a partial type may be named Type.Part.cs.
        return names.Count == 0 || names.Contains(fileName) || names.Contains(fileName.Split('.')[0]) || GroupFile().IsMatch(fileName) || fileName == "Program";
    }

    private static bool DeclaresAPort(string text) => PortInterface().IsMatch(text);

    private static bool IsSource(string directory) => Path.GetFileName(directory) is not ("bin" or "obj");

    private static string SourceRoot(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Peksos.Clean.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Peksos.Clean.sln not found above the test output."), relative);
    }

    private static MethodInfo Method(string name) => typeof(UseCaseShapeTests).GetMethod(name, Declared)!;

    private static void TakesAField(string field) => _ = field;

    private static Error GivesAFieldPath() => Error.Validation("x.invalid", "x", "overrides[0].reason");

    private static Error MovesAnErrorToAField(Error error) => error.AtField("reason");

    private static Error GivesNoField() => Error.Validation("x.invalid", "x");

    [GeneratedRegex(@"\bclass \w+Handler\b")]
    private static partial Regex HandlerClass();

    [GeneratedRegex(@"^(?:public|internal) (?:sealed |static |abstract |partial |readonly )*(?:record struct|record|class|interface|enum|struct) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex("(Ports|Events|Rules|Requirements|Inputs)$")]
    private static partial Regex GroupFile();

    [GeneratedRegex(@"^public interface I\w+", RegexOptions.Multiline)]
    private static partial Regex PortInterface();
}
