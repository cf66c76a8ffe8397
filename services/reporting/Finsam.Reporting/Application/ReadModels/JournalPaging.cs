using Finsam.Reporting.Application.Journal;

namespace Finsam.Reporting.Application.ReadModels;

internal static class JournalPaging
{
    /// <summary>Every unlinked event, page by page by message id. They are few (survey answers, evaluation forms).</summary>
    public static async Task<IReadOnlyList<UnlinkedEntry>> ReadAllUnlinkedAsync(this IEventJournal journal, int pageSize, CancellationToken cancellationToken)
    {
        var all = new List<UnlinkedEntry>();
        Guid? after = null;
        while (true)
        {
            var page = await journal.ReadUnlinkedAsync(after, pageSize, cancellationToken);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }

            after = page[^1].MessageId;
        }
    }
}
