using System.Text.Json;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Evaluations;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Infrastructure.Evaluations;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Correlation;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Storage;

namespace Finsam.UnitTests.Activities.Evaluations;

/// <summary>
/// Course evaluations over LiteDB: entered by the group's leaders from the last träff on, stored unlinked (random id,
/// month only, the request id only as a hash), once per request id, and summed up per statement.
/// </summary>
public sealed class EvaluationTests : IAsyncLifetime
{
    private const string Leader = "gl-1";
    private const string InsatsId = "insats-1";

    private static readonly Caller LeaderCaller = ActivitiesHarness.As(Roles.Gruppledare, Leader);
    private static readonly string[] Statements = ["Omfattningen var bra", "Jag känner mig mer redo för nästa steg", "Jag blev bemött med respekt"];

    private ActivitiesHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SubmitEvaluationHandler Submit => _harness.Get<SubmitEvaluationHandler>();

    private GetEvaluationSummaryHandler Summary => _harness.Get<GetEvaluationSummaryHandler>();

    private IDocumentCollection<EvaluationDocument> Documents => _harness.Store.Collection<EvaluationDocument>(EvaluationDocument.CollectionName);

    public async ValueTask InitializeAsync() => _harness = await ActivitiesHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>
    /// A group of <see cref="InsatsId"/> led by <see cref="Leader"/> whose träffar fall on the given days (the harness'
    /// today is Monday 2 March 2026), with four participants booked from the first, stored directly so these tests
    /// don't depend on scheduling.
    /// </summary>
    private async Task<Group> GroupAsync(DateOnly[]? days = null, Action<Group>? change = null)
    {
        days ??= [new(2026, 2, 16), new(2026, 2, 23), new(2026, 3, 2)];
        var group = new Group
        {
            Id = Guid.CreateVersion7().ToString(),
            InsatsId = InsatsId,
            FormatId = Guid.CreateVersion7().ToString(),
            FormatName = "Stresshantering",
            Name = "Stresshantering vår",
            StartDate = days[0],
            MinParticipants = 4,
            MaxParticipants = 6,
            CalendarToken = Guid.NewGuid().ToString("N"),
            ScheduledBy = "ia-1",
            LeaderSubjects = [Leader, "gl-2"],
            EvaluationStatements = [.. Statements],
        };
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            group.Traffar.Add(new Traff { Id = $"t{i + 1}", Date = day, StartTime = new TimeOnly(13, 0), LengthMinutes = 120 });
        }

        group.Renumber();
        for (var i = 1; i <= 4; i++)
        {
            group.Bookings.Add(Booked(group, $"p-{i}"));
        }

        change?.Invoke(group);
        await _harness.Get<IGroupRepository>().AddAsync(group, Guid.NewGuid().ToString(), [], Ct);
        return group;
    }

    private static Booking Booked(Group group, string participantId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        ParticipantId = participantId,
        RequestId = "",
        BookedBy = Leader,
        Status = BookingStatus.Booked,
        JoinedAtTraffId = group.Traffar[0].Id,
        JoinedAtTraff = 1,
    };

    private static SubmitEvaluationCommand Form(Group group, params int[] ratings) =>
        new(group.Id, Guid.NewGuid().ToString(), ratings.Length == 0 ? [5, 6, 6] : ratings);

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await Documents.CountAsync(cancellationToken: Ct));
        Assert.Empty(await _harness.PendingEventsAsync(EvaluationDocument.CollectionName));
    }

    [Fact]
    public async Task A_leader_submits_on_the_day_of_the_last_traff_and_the_form_is_stored_unlinked()
    {
        var group = await GroupAsync();
        var requestId = Guid.NewGuid().ToString();

        var result = await Submit.HandleAsync(LeaderCaller, new SubmitEvaluationCommand(group.Id, requestId, [5, 0, 6]), Ct);

        Assert.Equal(new SubmitEvaluationResult(group.Id, 1), result);
        var document = Assert.Single(await Documents.ListAfterAsync(null, 10, Ct));
        Assert.Equal(4, Guid.Parse(document.Id).Version);
        Assert.Equal((group.Id, InsatsId, "2026-03"), (document.GroupId, document.InsatsId, document.Month));
        Assert.Equal([5, 0, 6], document.Ratings);
        Assert.Equal(SubmitEvaluationHandler.RequestKey(requestId), document.RequestKey);
        Assert.Equal(64, document.RequestKey.Length);

        // Nothing in the stored form leads back to who handed it in or when exactly.
        var stored = JsonSerializer.Serialize(document);
        Assert.DoesNotContain(requestId, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Leader, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-02", stored, StringComparison.Ordinal);

        var submitted = Assert.IsType<EvaluationSubmitted>(Assert.Single(await _harness.PendingEventsAsync(EvaluationDocument.CollectionName)));
        Assert.Equal(document.Id, submitted.EvaluationId);
        Assert.Equal((group.Id, InsatsId, "2026-03"), (submitted.GroupId, submitted.InsatsId, submitted.Month));
        Assert.Equal(Statements, submitted.Statements);
        Assert.Equal([5, 0, 6], submitted.Ratings);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), submitted.OccurredAt);
    }

    [Fact]
    public async Task The_queued_event_has_a_random_message_id_and_no_correlation_id()
    {
        var group = await GroupAsync();
        CorrelationContext.Current = $"corr{Guid.NewGuid():N}";
        try
        {
            await Submit.HandleAsync(LeaderCaller, Form(group), Ct);
        }
        finally
        {
            CorrelationContext.Current = null;
        }

        // The usual message id is a UUIDv7 (the millisecond it was written) and the correlation id leads to the
        // request in the logs: either would tie the form to the leader who entered it and when.
        var entry = Assert.Single(Assert.Single(await Documents.ListAfterAsync(null, 10, Ct)).Outbox);
        Assert.Equal(4, Guid.Parse(entry.MessageId).Version);
        Assert.Null(entry.CorrelationId);
    }

    [Fact]
    public async Task Each_form_counts_and_the_answer_says_how_many_so_far()
    {
        var group = await GroupAsync();
        var other = await GroupAsync();

        await Submit.HandleAsync(LeaderCaller, Form(group), Ct);
        await Submit.HandleAsync(ActivitiesHarness.As(Roles.Gruppledare, "gl-2"), Form(group), Ct);
        var otherResult = await Submit.HandleAsync(LeaderCaller, Form(other), Ct);
        var third = await Submit.HandleAsync(LeaderCaller, Form(group) with { RequestId = null }, Ct);

        Assert.Equal(3, third.Answers);
        Assert.Equal(1, otherResult.Answers);
        Assert.Equal(4, (await _harness.PendingEventsAsync(EvaluationDocument.CollectionName)).Count);
    }

    [Fact]
    public async Task The_same_request_id_twice_stores_one_form()
    {
        var group = await GroupAsync();
        var form = Form(group);

        var first = await Submit.HandleAsync(LeaderCaller, form, Ct);
        var retry = await Submit.HandleAsync(LeaderCaller, form with { RequestId = form.RequestId!.ToUpperInvariant() }, Ct);

        Assert.Equal(first, retry);
        Assert.Equal(1, await Documents.CountAsync(cancellationToken: Ct));
        Assert.Single(await _harness.PendingEventsAsync(EvaluationDocument.CollectionName));
    }

    [Fact]
    public async Task A_request_id_used_for_another_group_is_refused_naming_request_id()
    {
        var group = await GroupAsync();
        var other = await GroupAsync();
        var form = Form(group);
        await Submit.HandleAsync(LeaderCaller, form, Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit.HandleAsync(LeaderCaller, form with { GroupId = other.Id }, Ct));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("request_id", "request_id har redan använts för en annan grupp."), (violation.Field, violation.Description));
        Assert.Equal(1, await Documents.CountAsync(cancellationToken: Ct));
        Assert.Equal(0, (await Summary.HandleAsync(LeaderCaller, other.Id, Ct)).Answers);
    }

    [Fact]
    public async Task A_group_takes_no_more_forms_than_the_participants_who_held_a_place_in_it()
    {
        // Held a place: p-1 (booked, and earlier cancelled after träff 1, counted once), p-2 (booked) and p-3
        // (cancelled after being recorded at träff 1). Never in it: p-4 (cancelled before taking part), p-5 (waiting).
        var group = await GroupAsync(change: g =>
        {
            g.Bookings.Clear();
            var cancelledAfterTraff1 = new DateTime(2026, 2, 18, 9, 0, 0, DateTimeKind.Utc);
            foreach (var id in new[] { "p-1", "p-3", "p-4" })
            {
                var booking = Booked(g, id);
                booking.Status = BookingStatus.Cancelled;
                booking.CancelledAt = cancelledAfterTraff1;
                g.Bookings.Add(booking);
            }

            g.Bookings.Add(Booked(g, "p-1"));
            g.Bookings.Add(Booked(g, "p-2"));
            g.Bookings.Add(Booked(g, "p-5"));
            g.Bookings[^1].Status = BookingStatus.Waitlisted;
            g.Bookings[^1].JoinedAtTraffId = "";
            g.Traffar[0].Status = TraffStatus.Held;
            foreach (var id in new[] { "p-1", "p-2", "p-3" })
            {
                g.Traffar[0].Attendance.Add(new AttendanceRecord { ParticipantId = id, Status = AttendanceStatus.Present, Hours = 2, RecordedBy = Leader });
            }
        });
        var forms = Enumerable.Range(0, 4).Select(_ => Form(group)).ToList();
        for (var i = 0; i < 3; i++)
        {
            await Submit.HandleAsync(LeaderCaller, forms[i], Ct);
        }

        var full = await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, forms[3], Ct));

        Assert.Equal(SubmitEvaluationHandler.ReasonEvaluationsComplete, full.Reason);
        Assert.Contains("3 deltagare", full.Message);
        Assert.Equal(3, await Documents.CountAsync(cancellationToken: Ct));
        Assert.Equal(3, (await _harness.PendingEventsAsync(EvaluationDocument.CollectionName)).Count);
        // A retry of a form already stored still answers: it adds nothing.
        Assert.Equal(new SubmitEvaluationResult(group.Id, 3), await Submit.HandleAsync(LeaderCaller, forms[0], Ct));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_store_one_form()
    {
        var group = await GroupAsync();
        var form = Form(group);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _harness.GetInNewScope<SubmitEvaluationHandler>().HandleAsync(LeaderCaller, form, Ct)));

        Assert.All(results, r => Assert.Equal(new SubmitEvaluationResult(group.Id, 1), r));
        Assert.Equal(1, await Documents.CountAsync(cancellationToken: Ct));
        Assert.Single(await _harness.PendingEventsAsync(EvaluationDocument.CollectionName));
    }

    [Fact]
    public async Task Before_the_day_of_the_last_traff_the_form_is_refused()
    {
        var group = await GroupAsync([new(2026, 2, 23), new(2026, 3, 2), new(2026, 3, 9)]);

        var early = await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group), Ct));

        Assert.Equal(SubmitEvaluationHandler.ReasonTooEarly, early.Reason);
        Assert.Contains("2026-03-09", early.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_cancelled_last_traff_makes_the_one_before_it_the_last()
    {
        var group = await GroupAsync(
            [new(2026, 2, 23), new(2026, 3, 2), new(2026, 3, 9)],
            g => g.Traffar[2].Status = TraffStatus.Cancelled);

        var result = await Submit.HandleAsync(LeaderCaller, Form(group), Ct);

        Assert.Equal(1, result.Answers);
    }

    [Fact]
    public async Task A_last_traff_moved_later_moves_the_opening_with_it()
    {
        var group = await GroupAsync(change: g =>
        {
            g.Traffar[2].Date = new DateOnly(2026, 3, 3);
            g.Renumber();
        });

        await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group), Ct));
        _harness.Clock.Now = ActivitiesHarness.DefaultNow.AddDays(1);
        Assert.Equal(1, (await Submit.HandleAsync(LeaderCaller, Form(group), Ct)).Answers);
    }

    [Fact]
    public async Task The_day_is_the_Stockholm_day_not_the_UTC_day()
    {
        var group = await GroupAsync();

        // 23:30 UTC on 1 March is already 00:30 on 2 March in Stockholm: the last träff's day.
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(1, (await Submit.HandleAsync(LeaderCaller, Form(group), Ct)).Answers);

        // 22:30 UTC is 23:30 on 1 March in Stockholm: a day too early.
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.Zero);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group), Ct));
        Assert.Equal(1, await Documents.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_cancelled_group_takes_no_evaluation()
    {
        var group = await GroupAsync(change: g => g.Status = GroupStatus.Cancelled);

        var cancelled = await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group), Ct));

        Assert.Equal(SubmitEvaluationHandler.ReasonGroupCancelled, cancelled.Reason);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_completed_group_still_takes_evaluations()
    {
        var group = await GroupAsync(change: g => g.Status = GroupStatus.Completed);

        Assert.Equal(1, (await Submit.HandleAsync(LeaderCaller, Form(group), Ct)).Answers);
    }

    [Fact]
    public async Task A_group_with_every_traff_cancelled_has_no_last_traff()
    {
        var group = await GroupAsync(change: g => g.Traffar.ForEach(t => t.Status = TraffStatus.Cancelled));

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group), Ct));

        Assert.Equal(SubmitEvaluationHandler.ReasonTooEarly, refused.Reason);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(Roles.Gruppledare, "gl-9", ActivitiesAccess.ReasonNotGroupLeader)]
    [InlineData(Roles.Administrator, "admin-1", ActivitiesAccess.ReasonRoleNotAllowed)]
    [InlineData(Roles.Insatsansvarig, "ia-1", ActivitiesAccess.ReasonRoleNotAllowed)]
    [InlineData(Roles.Samordnare, Leader, ActivitiesAccess.ReasonRoleNotAllowed)]
    public async Task Only_the_groups_own_leaders_submit(string role, string subject, string reason)
    {
        var group = await GroupAsync();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Submit.HandleAsync(ActivitiesHarness.As(role, subject, null, InsatsId), Form(group), Ct));

        // A leader of another group may enter forms, only not here; the other roles never do.
        Assert.Equal(reason, denied.Reason);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Access_is_decided_before_the_form_is_looked_at()
    {
        var group = await GroupAsync(change: g => g.Status = GroupStatus.Cancelled);

        await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Submit.HandleAsync(ActivitiesHarness.As(Roles.Gruppledare, "gl-9"), new SubmitEvaluationCommand(group.Id, "nope", [9]), Ct));
    }

    [Theory]
    [InlineData(new[] { 5, 6 }, "ratings")]
    [InlineData(new[] { 5, 6, 6, 6 }, "ratings")]
    [InlineData(new[] { 0, 0, 0 }, "ratings")]
    [InlineData(new[] { 7, 6, 6 }, "ratings[0]")]
    [InlineData(new[] { 6, -1, 6 }, "ratings[1]")]
    public async Task Bad_ratings_are_named(int[] ratings, string field)
    {
        var group = await GroupAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit.HandleAsync(LeaderCaller, Form(group, ratings), Ct));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        var group = await GroupAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Submit.HandleAsync(LeaderCaller, new SubmitEvaluationCommand(group.Id, "not-a-uuid", [7, 6, 100]), Ct));

        Assert.Equal(["ratings[0]", "ratings[2]", "request_id"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Unknown_and_malformed_groups_are_refused()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(
            () => Submit.HandleAsync(LeaderCaller, new SubmitEvaluationCommand(Guid.NewGuid().ToString(), null, [6, 6, 6]), Ct));
        Assert.Equal(GroupUpdates.ReasonNotFound, missing.Reason);

        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Submit.HandleAsync(LeaderCaller, new SubmitEvaluationCommand("group-1", null, [6, 6, 6]), Ct));
        Assert.Equal("group_id", Assert.Single(malformed.Violations).Field);

        await Assert.ThrowsAsync<NotFoundException>(() => Summary.HandleAsync(LeaderCaller, Guid.NewGuid().ToString(), Ct));
    }

    [Fact]
    public async Task The_summary_gives_n_mean_and_distribution_per_statement()
    {
        var group = await GroupAsync();
        foreach (var ratings in new[] { new[] { 6, 5, 6 }, [4, 0, 6], [5, 6, 6], [6, 0, 5] })
        {
            await Submit.HandleAsync(LeaderCaller, Form(group, ratings), Ct);
        }

        var summary = await Summary.HandleAsync(LeaderCaller, group.Id, Ct);

        Assert.Equal((group.Id, 4), (summary.GroupId, summary.Answers));
        Assert.Equal([1, 2, 3], summary.Statements.Select(s => s.Number));
        Assert.Equal(Statements, summary.Statements.Select(s => s.Statement));
        Assert.Equal([4, 2, 4], summary.Statements.Select(s => s.N));
        Assert.Equal(5.25, summary.Statements[0].Mean, 10);
        Assert.Equal(5.5, summary.Statements[1].Mean, 10);
        Assert.Equal(5.75, summary.Statements[2].Mean, 10);
        Assert.Equal([0, 0, 0, 1, 1, 2], summary.Statements[0].Distribution);
        Assert.Equal([0, 0, 0, 0, 1, 1], summary.Statements[1].Distribution);
        Assert.Equal([0, 0, 0, 0, 1, 3], summary.Statements[2].Distribution);
    }

    [Fact]
    public async Task A_group_without_forms_has_zero_n_and_mean()
    {
        var group = await GroupAsync();

        var summary = await Summary.HandleAsync(LeaderCaller, group.Id, Ct);

        Assert.Equal(0, summary.Answers);
        Assert.All(summary.Statements, s => Assert.Equal((0, 0.0), (s.N, s.Mean)));
        Assert.All(summary.Statements, s => Assert.Equal([0, 0, 0, 0, 0, 0], s.Distribution));
    }

    [Theory]
    [InlineData(Roles.Gruppledare, Leader, "", true)]
    [InlineData(Roles.Administrator, "admin-1", "", true)]
    [InlineData(Roles.Insatsansvarig, "ia-1", InsatsId, true)]
    [InlineData(Roles.Samordnare, "s-1", InsatsId, true)]
    [InlineData(Roles.Insatsansvarig, "ia-2", "insats-2", false)]
    [InlineData(Roles.Samordnare, "s-2", "insats-2", false)]
    [InlineData(Roles.Gruppledare, "gl-9", InsatsId, false)]
    [InlineData(Roles.Analytiker, "an-1", InsatsId, false)]
    public async Task The_summary_is_for_those_who_may_read_the_group(string role, string subject, string insats, bool allowed)
    {
        var group = await GroupAsync();
        var caller = insats.Length == 0 ? ActivitiesHarness.As(role, subject) : ActivitiesHarness.As(role, subject, null, insats);

        if (allowed)
        {
            Assert.Equal(3, (await Summary.HandleAsync(caller, group.Id, Ct)).Statements.Count);
        }
        else
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Summary.HandleAsync(caller, group.Id, Ct));
        }
    }
}
