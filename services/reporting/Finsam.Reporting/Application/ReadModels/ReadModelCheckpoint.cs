namespace Finsam.Reporting.Application.ReadModels;

/// <summary>How far the stored read models reflect the journal.</summary>
/// <param name="Sequence">The last journal sequence applied (0: none).</param>
/// <param name="UnlinkedCount">
/// How many unlinked events were applied. They have no sequence; none is ever removed from the journal, so the same
/// count means the same set, and a different count means "apply them all again" (idempotent books make that safe).
/// </param>
public sealed record ReadModelCheckpoint(long Sequence, long UnlinkedCount)
{
    public static readonly ReadModelCheckpoint Start = new(0, 0);
}
