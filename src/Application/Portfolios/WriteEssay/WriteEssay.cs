using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.WriteEssay;

/// <summary>Writes or rewrites one self-description essay (K1…, S1…, V1…).</summary>
public sealed record WriteEssay(Guid PortfolioId, string Code, string? Text, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>
{
    public Result<(EssayCode Code, Narrative Text)> Parse()
    {
        var errors = new ErrorCollector();
        var code = errors.Take(EssayCode.Parse(Code), "code");
        var text = errors.Require(Text, "text") ? errors.Take(Portfolio.ParseEssayText(Text), "text") : null;
        return errors.HasErrors ? errors.ToError() : (code!, text!);
    }
}

public sealed class WriteEssayHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<WriteEssay, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(WriteEssay message, CancellationToken cancellationToken)
    {
        var essay = message.Parse();
        if (essay.IsFailure)
        {
            return essay.Error!;
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var (portfolio, scheme, _) = loaded.Value;
        if (portfolio.WriteEssay(scheme, essay.Value.Code, essay.Value.Text, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
