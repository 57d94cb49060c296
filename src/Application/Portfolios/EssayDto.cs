namespace Peksos.Clean.Application.Portfolios;

public sealed record EssayDto(string Code, string Text, int WordCount);
