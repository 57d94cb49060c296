using System.Net;
using System.Text;
using Peksos.Clean.Infrastructure.Persistence;

namespace Peksos.Clean.Api.Tests;

/// <summary>Anyone may call the public routes with anything: no input of theirs may answer 500.</summary>
public sealed class AnonymousFuzzTests : IAsyncLifetime
{
    private const int Rounds = 150;

    private PeksosApiFactory _factory = null!;
    private HttpClient _anonymous = null!;
    private string _number = null!;

    public async Task InitializeAsync()
    {
        _factory = new PeksosApiFactory(DatabaseProvider.Sqlite);
        _anonymous = _factory.CreateClient();
        var api = new ApiDriver(_factory.CreateAdminClient());
        _number = (await api.IssueCertificates(1, _factory.CreateClientWithKey))[0];
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task VerificationPage_WithAnyToken_NeverAnswers500()
    {
        var random = new Random(20261201);
        var tokens = new List<string>
        {
            "bnVsbA.e30.AAAA", "e30.bnVsbA.AAAA", "MQ.MQ.MQ", "W10.W10.W10", "InN0ciI.e30.AAAA", "eyJhbGciOjF9.e30.AAAA",
            "eyJhbGciOiJFUzI1NiIsImtpZCI6MX0.e30.AAAA", "..", "a.b.c", "%00.%00.%00", new string('.', 4_000), "ey" + new string('A', 5_000),
        };
        tokens.AddRange(Enumerable.Range(0, Rounds).Select(_ => Token(random)));

        foreach (var token in tokens)
        {
            var answer = await _anonymous.GetAsync($"/verify/{_number}?t={Uri.EscapeDataString(token)}");
            answer.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, token);
        }
    }

    [Fact]
    public async Task PublicRoutes_WithAnyText_NeverAnswer500()
    {
        var random = new Random(7);
        for (var i = 0; i < Rounds; i++)
        {
            var text = Uri.EscapeDataString(Text(random));
            foreach (var url in new[]
            {
                $"/verify/{text}", $"/api/v1/verify/{text}", $"/api/v1/certificates/{text}/qr.svg", $"/api/v1/schemes/{text}",
                $"/api/v1/certificates?q={text}&status={text}&schemeCode={text}&regionCode={text}&limit={text}&cursor={text}",
            })
            {
                (await _anonymous.GetAsync(url)).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, url);
            }

            var body = new StringContent($"{{\"numbers\":[\"{Text(random).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}\", null, 1]}}",
                Encoding.UTF8, "application/json");
            (await _anonymous.PostAsync("/api/v1/verify", body)).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        }
    }

    /// <summary>Three base64url parts of random JSON-ish or random bytes.</summary>
    private static string Token(Random random) => string.Join('.', Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(3) switch
    {
        0 => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonIsh(random))).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        1 => Convert.ToBase64String(RandomBytes(random)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        _ => Text(random),
    }));

    private static string JsonIsh(Random random) => random.Next(8) switch
    {
        0 => "null",
        1 => "[]",
        2 => "{\"alg\":null,\"kid\":[]}",
        3 => "{\"alg\":\"ES256\",\"kid\":{\"x\":1}}",
        4 => "{\"sub\":1,\"issued_on\":\"kemarin\",\"valid_until\":[1]}",
        5 => "\"" + Text(random) + "\"",
        6 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "{" + Text(random),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 80)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Text(Random random)
    {
        const string alphabet = "PSGTK-0123456789abcxyz.%_~!*'();:@&=+$,/?#[] \"\\<>{}|^`\u00e9\u200b";
        return new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
