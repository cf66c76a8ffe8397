namespace Finsam.Platform.Outbox;

/// <summary>
/// Wakes the dispatcher right after a write that queued events, so events leave in milliseconds
/// rather than at the next poll. Polling remains the safety net (after a restart, or a missed signal).
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every write before it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
