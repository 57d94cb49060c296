using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Exams;

public sealed record EssayScore(EssayCode Code, int Score)
{
    public const int Min = 1;
    public const int Max = 5;
}
