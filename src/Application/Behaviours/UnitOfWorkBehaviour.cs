using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>
/// Wraps every command in one transaction: when the handler succeeds, the command's domain events are written to
/// the events outbox and the audit trail in that same transaction, then it commits; a failed result or an exception
/// rolls everything back, so a failed command changes no row and leaves no event. Queries pass through untouched,
/// and so do commands that commit in batches themselves.
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
