using Finsam.Reporting.Application.ReadModels;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// Runs the projector for the life of the service: loads the stored read models, then catches up with the journal
/// whenever the journal consumer appended, or every <see cref="PollInterval"/> (an append made by another instance
/// pokes no one here). A failure (the store away) is logged and tried again at the next round. Read models stored
/// by an earlier version in another format are rebuilt from the journal before anything else.
/// </summary>
public sealed class ReadModelProjectionService(
    ReadModelProjector projector,
    ReadModelRebuild rebuild,
    IReadModelStore store,
    JournalAppended appended,
    ILogger<ReadModelProjectionService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var formatChecked = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Read models an earlier version stored in another format are rebuilt from the journal, once, first.
                if (!formatChecked && await store.NeedsRebuildAsync(stoppingToken))
                {
                    logger.LogWarning("The stored read models are in an earlier format; rebuilding them from the journal");
                    var rebuilt = await rebuild.RunAsync(stoppingToken);
                    logger.LogInformation("Read models rebuilt from {Events} journal entries: {Entities} entities", rebuilt.Events, rebuilt.Entities);
                }

                formatChecked = true;
                var applied = await projector.CatchUpAsync(stoppingToken);
                if (applied > 0)
                {
                    logger.LogDebug("Read models applied {Count} journal entries up to {Sequence}", applied, projector.Checkpoint.Sequence);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Read models could not catch up with the journal; trying again");
            }

            try
            {
                await appended.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
