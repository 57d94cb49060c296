using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>
/// Logs and traces each message's name, outcome and duration. Never the message itself: messages carry personal data (NIK).
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = MessageTracing.Source.StartActivity(typeof(TMessage).Name);
        if (activity is null && !logger.IsEnabled(LogLevel.Debug) && !logger.IsEnabled(LogLevel.Information))
        {
            return await next(message, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is Result { IsFailure: true } failed)
        {
            activity?.SetTag("peksos.error.code", failed.Error!.Code);
            LogFailed(logger, typeof(TMessage).Name, failed.Error!.Code, elapsed);
        }
        else
        {
            LogHandled(logger, typeof(TMessage).Name, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} refused with {Code} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string message, string code, double elapsedMs);
}
