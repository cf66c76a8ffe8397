using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Gallring;

/// <summary>
/// Gallring (disposal) of identifying data under the förbund's rules: a rule per insats (N years after the
/// last end), a dry run that lists who is due, and a run that removes exactly those — re-checked, so a person
/// who came back since the dry run is kept. Personnummer and names are removed; the stays' categorical facts
/// (dates, codes, gender, birth year) stay, so anonymous statistics don't change. Administrators only.
/// </summary>
public sealed class GallringHandlers(
    IGallringStore store,
    IParticipantRepository participants,
    IEnumerable<IParticipantStays> staySources,
    IEnumerable<IIdentifyingDataHolder> holders,
    IAccessLog log,
    TimeProvider clock)
{
    public const string ReasonRunNotFound = "GALLRING_RUN_NOT_FOUND";
    public const string ReasonAlreadyExecuted = "GALLRING_ALREADY_EXECUTED";
    public const string ReasonRunChanged = "GALLRING_RUN_CHANGED";
    private const string Removed = "(gallrad)";
    private const int Page = 200;

    public async Task<GallringRule> SetRuleAsync(AccessContext context, string? insatsId, int years, CancellationToken cancellationToken)
    {
        EnsureAdministrator(context.Caller);
        var violations = new List<FieldViolation>();
        var id = Ids.Validate(insatsId, "insats_id", "Insats-id", required: true, violations);

        if (years is < GallringRule.MinYears or > GallringRule.MaxYears)
        {
            violations.Add(new FieldViolation("years_after_last_end", $"Ange antal år mellan {GallringRule.MinYears} och {GallringRule.MaxYears}."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var rule = new GallringRule(id!, years, context.Caller.Subject, clock.GetUtcNow().UtcDateTime);
        await store.SetRuleAsync(rule, cancellationToken);
        return rule;
    }

    public async Task<IReadOnlyList<GallringRule>> ListRulesAsync(AccessContext context, CancellationToken cancellationToken)
    {
        EnsureAdministrator(context.Caller);
        return await store.ListRulesAsync(cancellationToken);
    }

    /// <summary>Lists who is due on <paramref name="asOf"/> (default today) and keeps the list for the run.</summary>
    public async Task<GallringRun> DryRunAsync(AccessContext context, DateOnly? asOf, CancellationToken cancellationToken)
    {
        EnsureAdministrator(context.Caller);
        var today = SwedishCalendar.Today(clock);
        var day = asOf ?? today;
        if (day > today)
        {
            throw new ValidationFailedException([new FieldViolation("as_of", "Gallring kan inte prövas mot ett framtida datum.")]);
        }

        var rules = (await store.ListRulesAsync(cancellationToken)).ToDictionary(r => r.InsatsId, StringComparer.Ordinal);
        var candidates = new List<GallringCandidate>();
        string? after = null;
        while (true)
        {
            var page = await participants.ListAfterAsync(after, Page, cancellationToken);
            foreach (var participant in page)
            {
                if (await DueAsync(participant, rules, day, cancellationToken) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            if (page.Count < Page)
            {
                break;
            }

            after = page[^1].Id;
        }

        var run = new GallringRun
        {
            Id = SequentialIds.Next(),
            AsOf = day,
            CreatedBy = context.Caller.Subject,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Candidates = candidates,
        };
        await store.AddRunAsync(run, cancellationToken);
        return run;
    }

    /// <summary>
    /// Removes identifying data of the dry run's candidates that are still due. Safe to repeat after a crash:
    /// those already removed are not touched again but still counted as removed; an executed run can't be
    /// executed again.
    /// </summary>
    public async Task<GallringRun> ExecuteAsync(AccessContext context, string? runId, CancellationToken cancellationToken)
    {
        EnsureAdministrator(context.Caller);
        var id = Ids.Require(runId, "dry_run_id", "Provkörningens id");
        var run = await store.GetRunAsync(id, cancellationToken)
            ?? throw new NotFoundException(ReasonRunNotFound, "Provkörningen finns inte.");
        if (run.ExecutedAt is not null)
        {
            throw new PreconditionFailedException(ReasonAlreadyExecuted, "Provkörningen är redan genomförd. Gör en ny provkörning.");
        }

        var rules = (await store.ListRulesAsync(cancellationToken)).ToDictionary(r => r.InsatsId, StringComparer.Ordinal);
        var gallringContext = context with { Purpose = AccessPurposes.Gallring };
        foreach (var candidate in run.Candidates)
        {
            var participant = await participants.GetAsync(candidate.ParticipantId, cancellationToken);
            if (participant is null)
            {
                continue;
            }

            // An execution that stopped half-way (or another run) removed some already — the log was written
            // and the holders ran before the identity went — so they are done, and the run's record names them.
            if (participant.IdentityRemovedAt is not null)
            {
                run.Removed.Add(participant.Id);
                continue;
            }

            // Re-checked: someone who started a new stay (or whose rule changed) since the dry run is kept.
            if (await DueAsync(participant, rules, run.AsOf, cancellationToken) is null)
            {
                continue;
            }

            // Logged first, as every access is: a removal that can't be logged doesn't happen.
            await log.RecordAsync(gallringContext, AccessActions.RemoveIdentity, participant.Id, AccessOutcome.Allowed, cancellationToken);
            foreach (var holder in holders)
            {
                await holder.RemoveIdentifyingDataAsync(participant.Id, cancellationToken);
            }

            await RemoveIdentityAsync(participant, cancellationToken);
            run.Removed.Add(participant.Id);
        }

        run.ExecutedAt = clock.GetUtcNow().UtcDateTime;
        run.ExecutedBy = context.Caller.Subject;
        if (!await store.SaveRunAsync(run, cancellationToken))
        {
            throw new ConcurrencyConflictException(ReasonRunChanged, "Provkörningen genomfördes samtidigt av någon annan.");
        }

        return run;
    }

    private async Task RemoveIdentityAsync(Participant participant, CancellationToken cancellationToken)
    {
        participant.Personnummer = null;
        participant.Name = null;
        participant.IdentityRemovedAt = clock.GetUtcNow().UtcDateTime;
        // Name corrections carry earlier names: keep that a correction happened, not what the names were.
        // Every reason is free text and may name the person too ("heter X sedan vigseln").
        for (var i = 0; i < participant.Corrections.Count; i++)
        {
            var correction = participant.Corrections[i] with { Reason = Removed };
            participant.Corrections[i] = correction.Field is "given_name" or "family_name"
                ? correction with { OldValue = Removed, NewValue = Removed }
                : correction;
        }

        await participants.SaveAsync(participant, [], cancellationToken);
    }

    private async Task<GallringCandidate?> DueAsync(
        Participant participant, IReadOnlyDictionary<string, GallringRule> rules, DateOnly day, CancellationToken cancellationToken)
    {
        if (participant.IdentityRemovedAt is not null)
        {
            return null;
        }

        var stays = new List<StaySummary>();
        foreach (var source in staySources)
        {
            stays.AddRange(await source.StaysOfAsync(participant.Id, cancellationToken));
        }

        // Only people whose every stay has ended, in insatser that all have a rule, are ever due.
        if (stays.Count == 0 || stays.Any(s => s.EndDate is null) || stays.Any(s => !rules.ContainsKey(s.InsatsId)))
        {
            return null;
        }

        var lastEnd = stays.Max(s => s.EndDate!.Value);
        var dueOn = stays.Max(s => s.EndDate!.Value.AddYears(rules[s.InsatsId].YearsAfterLastEnd));
        return dueOn <= day
            ? new GallringCandidate(participant.Id, lastEnd, dueOn, stays.Select(s => s.InsatsId).Distinct().ToList())
            : null;
    }

    private static void EnsureAdministrator(Caller caller)
    {
        if (caller.Role != Roles.Administrator)
        {
            throw new PermissionDeniedException(ParticipantAccess.ReasonRoleNotAllowed, "Endast administratör får hantera gallring.");
        }
    }
}
