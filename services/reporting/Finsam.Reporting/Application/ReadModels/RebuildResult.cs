using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Application.ReadModels;

/// <summary>What a rebuild made and how long it took.</summary>
/// <param name="Events">Journal entries replayed.</param>
/// <param name="UnlinkedEvents">Unlinked events replayed.</param>
/// <param name="Entities">Entities written, over every book.</param>
/// <param name="Replay">Reading the journal and applying it to the new model.</param>
/// <param name="Write">Clearing the store and writing the entities and the checkpoint.</param>
public sealed record RebuildResult(
    ReportingModel Model,
    ReadModelCheckpoint Checkpoint,
    long Events,
    long UnlinkedEvents,
    long Entities,
    TimeSpan Replay,
    TimeSpan Write);
