using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>
/// One transaction per command: on success its events go to the outbox and the audit trail, then it commits; a failure
/// rolls everything back. Queries and self-batching commands pass through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(CommandTransaction transaction)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : Result
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IManagesOwnTransactions)
        {
            return await next(message, cancellationToken);
        }

        await transaction.BeginAsync(cancellationToken);
        try
        {
            await transaction.ClaimIdempotencyKeyAsync(cancellationToken);
            var response = await next(message, cancellationToken);
            if (response.IsSuccess)
            {
                await transaction.CommitAsync(cancellationToken, (response as IValueResult)?.BoxedValue);
            }
            else
            {
                await transaction.RollbackAsync();
            }

            return response;
        }
        catch
        {
            await transaction.RollbackAsync();
            throw;
        }
    }
}
