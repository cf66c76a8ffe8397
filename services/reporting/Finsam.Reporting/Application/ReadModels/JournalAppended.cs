using System.Threading.Channels;

namespace Finsam.Reporting.Application.ReadModels;

/// <summary>
/// An in-process wake-up: the journal consumer pokes it after an append, so the projector applies a new event at
/// once rather than at its next poll. Pokes while the projector is busy collapse into one; none is lost, because
/// the projector waits only after it has caught up, and a poke during the catch-up makes the next wait return at once.
/// </summary>
public sealed class JournalAppended
{
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _pokes.Writer.TryWrite(true);

    /// <summary>Waits for a poke, at most <paramref name="timeout"/>; true when poked.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _pokes.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
