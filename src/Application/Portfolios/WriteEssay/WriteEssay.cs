using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.WriteEssay;

/// <summary>Writes or rewrites one self-description essay (K1…, S1…, V1…).</summary>
public sealed record WriteEssay(Guid PortfolioId, string Code, string? Text, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>
{
    public Result<EssayCode> Parse()
    {
        var errors = new ErrorCollector();
        var code = errors.Take(EssayCode.Parse(Code), "code");
        errors.Require(Text, "text");
        return errors.HasErrors ? errors.ToError() : code!;
    }
}

public sealed class WriteEssayHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<WriteEssay, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(WriteEssay message, CancellationToken cancellationToken)
    {
        var code = message.Parse();
        if (code.IsFailure)
        {
            return code.Error!;
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var (portfolio, scheme, _) = loaded.Value;
        if (portfolio.WriteEssay(scheme, code.Value, message.Text, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
