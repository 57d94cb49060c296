using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>Who the client of a case record was.</summary>
public sealed record ClientType : ICoded
{
    private ClientType(string code) => Code = code;

    public string Code { get; }

    public static readonly ClientType Individual = new("individual");
    public static readonly ClientType Family = new("family");
    public static readonly ClientType Group = new("group");
    public static readonly ClientType Community = new("community");

    public static IReadOnlyList<ClientType> All { get; } = [Individual, Family, Group, Community];

    public static Result<ClientType> FromCode(string? code) => CodeList.Parse(All, code, "client-type.invalid", "A client type");

    public override string ToString() => Code;
}
