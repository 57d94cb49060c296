using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>Why a portfolio is opened: <c>initial</c> certification, or <c>renewal</c> (<i>perpanjangan</i>) of a held certificate.</summary>
public sealed record PortfolioPurpose : ICoded
{
    private PortfolioPurpose(string code) => Code = code;

    public string Code { get; }

    public static readonly PortfolioPurpose Initial = new("initial");
    public static readonly PortfolioPurpose Renewal = new("renewal");

    public static IReadOnlyList<PortfolioPurpose> All { get; } = [Initial, Renewal];

    public static Result<PortfolioPurpose> FromCode(string? code) => CodeList.Parse(All, code, "portfolio-purpose.invalid", "A portfolio purpose");

    public override string ToString() => Code;
}
