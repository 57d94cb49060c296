using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>
/// Wraps every command in one transaction: when the handler succeeds, the command's domain events are written to
/// the events outbox and the audit trail in that same transaction, then it commits; a failed result or an exception
/// rolls everything back, so a failed command changes no row and leaves no event. Queries pass through untouched.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, ChangeTracker tracker, IEventJournal journal, ICurrentActor actor)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : Result
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            if (response.IsSuccess)
            {
                var described = tracker.Drain().Select(e => (Event: e, Entry: EventCatalog.Describe(e))).ToList();
                await journal.WriteAsync(
                    described.Where(d => d.Entry.Published).Select(d => new IntegrationEvent(d.Entry.Action, d.Event.OccurredAt, d.Entry.Data)).ToList(),
                    described.Select(d => new AuditEntry(d.Event.OccurredAt, d.Entry.Action, d.Entry.EntityType, d.Entry.EntityId, d.Entry.Data)).ToList(),
                    actor.Name,
                    actor.Role,
                    cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
            }
            else
            {
                tracker.Drain();
                await unitOfWork.RollbackAsync(CancellationToken.None);
            }

            return response;
        }
        catch
        {
            tracker.Drain();
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
