using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>Runs the message's validators; any error short-circuits to a failed result (400) before the handler.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IResultFactory<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<Error>? errors = null;
        foreach (var validator in validators)
        {
            var found = validator.Validate(message);
            if (found.Count > 0)
            {
                (errors ??= []).AddRange(found);
            }
        }

        return errors is null
            ? next(message, cancellationToken)
            : ValueTask.FromResult(TResponse.FromError(Error.ValidationFailed(errors)));
    }
}
