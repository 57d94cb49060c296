using System.Net;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Names are found by the start of any word, whatever the case, the diacritics or the Unicode form, in the register and the candidate list.</summary>
public abstract class NameSearchApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Holders = ["Siti Rahmawati, S.Sos.", "Jos\u00e9 Ramos-Horta", "Nyoman Sucipta\u0301"];

    private PeksosApiFactory _factory = null!;
    private ApiDriver _api = null!;

    public Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(provider);
        _api = new ApiDriver(_factory.CreateAdminClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static readonly TheoryData<string, string?> Queries = new()
    {
        { "rahma", "Siti Rahmawati, S.Sos." },
        { "RAHMAWATI", "Siti Rahmawati, S.Sos." },
        { "jose", "Jos\u00e9 Ramos-Horta" },
        { "Jose\u0301", "Jos\u00e9 Ramos-Horta" },
        { "horta", "Jos\u00e9 Ramos-Horta" },
        { "jose ram", "Jos\u00e9 Ramos-Horta" },
        { "sucipt\u00e1", "Nyoman Sucipt\u00e1" },
        { "amos", null },
        { "siti horta", null },
    };

    [SkippableFact]
    public async Task TheRegisterAndTheCandidateList_FindTheStartOfAnyWord()
    {
        await _api.IssueCertificates(Holders.Length, _factory.CreateClientWithKey, Holders);
        foreach (var query in Queries)
        {
            await ShouldFind((string)query[0], (string?)query[1]);
        }
    }

    private async Task ShouldFind(string q, string? found)
    {
        var register = await (await _factory.CreateClient().GetAsync($"/api/v1/certificates?q={Uri.EscapeDataString(q)}")).ShouldBeJson(HttpStatusCode.OK);
        var candidates = await (await _api.Admin.GetAsync($"/api/v1/candidates?q={Uri.EscapeDataString(q)}")).ShouldBeJson(HttpStatusCode.OK);

        var names = register.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("holderName").GetString()).ToList();
        var listed = candidates.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()).ToList();
        if (found is null)
        {
            names.Should().BeEmpty(q);
            listed.Should().BeEmpty(q);
        }
        else
        {
            names.Should().Equal([found], q);
            listed.Should().Equal([found], q);
        }
    }
}

public sealed class SqliteNameSearchApiTests() : NameSearchApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresNameSearchApiTests() : NameSearchApiTests(DatabaseProvider.Postgres);
