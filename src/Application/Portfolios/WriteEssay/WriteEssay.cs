using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.WriteEssay;

/// <summary>Writes or rewrites one self-description essay (K1…, S1…, V1…).</summary>
public sealed record WriteEssay(Guid PortfolioId, string Code, string? Text, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class WriteEssayValidator : IValidator<WriteEssay>
{
    public IReadOnlyList<Error> Validate(WriteEssay message)
    {
        var errors = new ErrorCollector();
        errors.Take(EssayCode.Parse(message.Code), "code");
        errors.Require(message.Text, "text");
        return errors.Errors;
    }
}

public sealed class WriteEssayHandler(PortfolioCommand command, TimeProvider clock) : ICommandHandler<WriteEssay, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(WriteEssay message, CancellationToken cancellationToken) =>
        await command.RunAsync(message.PortfolioId, message.ExpectedVersion,
            (portfolio, scheme, _) => portfolio.WriteEssay(scheme, EssayCode.Parse(message.Code).Value, message.Text, clock), cancellationToken);
}
