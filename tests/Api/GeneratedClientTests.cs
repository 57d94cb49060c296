using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Another team's first step: generate a client from the served document (NSwag) and compile it.</summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public async Task ACSharpClientGeneratedFromTheDocument_Compiles_WithTypedErrorsAndEnums()
    {
        await using var factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        var document = await OpenApiDocument.FromJsonAsync(json);
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "PeksosClient",
            CSharpGeneratorSettings = { Namespace = "Dinsos.Peksos", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        }).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("GeneratedPeksosClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);

        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        code.Should().Contain("class PeksosClient").And.Contain("class Problem", "error responses have a type")
            .And.Contain("enum RegisterCandidateSex", "closed code lists are enums, not strings");
    }
}
