namespace Peksos.Clean.Infrastructure.Persistence.Events;

/// <summary>Wakes the delivery worker when this node commits events, so a delivery need not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public Task PulseAsync()
    {
        if (_pulse.CurrentCount == 0)
        {
            try
            {
                _pulse.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke the worker first.
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _pulse.Dispose();

    /// <summary>Waits for a commit or for <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pulse.WaitAsync(timeout, cancellationToken);
}
