namespace Peksos.Clean.Application.Portfolios;

/// <summary>One requirement a portfolio does not meet yet.</summary>
public sealed record UnmetDto(string Code, string Message);
