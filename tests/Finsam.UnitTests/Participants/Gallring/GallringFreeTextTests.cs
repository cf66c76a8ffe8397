using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>
/// What gallring removes besides personnummer and name — every free text that could identify the person, in
/// the registry's history, the referrals and the stays — and what it keeps: the categorical facts anonymous
/// statistics are made of, and the events already written.
/// </summary>
public sealed class GallringFreeTextTests : GallringTestBase
{
    private const string Removed = "(gallrad)";

    private static readonly DateOnly Start = new(2019, 1, 14);
    private static readonly DateOnly End = new(2019, 6, 28);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Texts written about the person below; none may be left in any stored document after gallring.</summary>
    private static readonly string[] IdentifyingTexts =
    [
        "Signe", "Andersson", "Lindqvist", "utbrändhet", "Eva Handläggare", "FK-2019-4711", "Per Sjö", "SOC-88-123",
        "Karin Berg", "Olle Ek", "Solgården", "Mattias",
    ];

    private static AccessContext Fk => ParticipantsHarness.As(Roles.AgencySystem, "fk-system", Agencies.Forsakringskassan);

    private static AccessContext Kommun => ParticipantsHarness.As(Roles.AgencySystem, "kommun-system", Agencies.Kommun);

    private sealed record Person(Participant Participant, string Personnummer, Enrolment Enrolment, Referral Accepted, Referral Declined);

    /// <summary>
    /// Signe Andersson's whole journey in 2019, with free text everywhere staff can write it: two referrals (one
    /// declined with a note), a stay with contact persons, kartläggning, a plan, assessments, a corrected start,
    /// an avslut and a follow-up note, and a corrected name.
    /// </summary>
    private async Task<Person> SigneAsync()
    {
        var personnummer = TestPersonnummer.Next(1979);
        var participant = await RegisterAsync(new DateOnly(2019, 1, 7), personnummer, "Signe", "Andersson");

        At(new DateOnly(2019, 1, 8));
        var accepted = (await Harness.Get<CreateReferralHandler>().HandleAsync(
            Fk,
            new CreateReferralCommand(null, participant.Id, Steget, null, "Långvarigt sjukskriven efter utbrändhet.", "Eva Handläggare", "FK-2019-4711", null),
            Ct)).Referral;
        var declined = (await Harness.Get<CreateReferralHandler>().HandleAsync(
            Kommun, new CreateReferralCommand(null, participant.Id, Vagen, null, "Behöver sysselsättning.", "Per Sjö", "SOC-88-123", null), Ct)).Referral;

        At(new DateOnly(2019, 1, 9));
        accepted = (await Harness.Get<AcceptReferralHandler>().HandleAsync(Staff, new AcceptReferralCommand(accepted.Id, Etags.Of(accepted.Version), false), Ct)).Referral;
        declined = (await Harness.Get<DeclineReferralHandler>().HandleAsync(
            Staff, new DeclineReferralCommand(declined.Id, Etags.Of(declined.Version), "annan-insats", "Per Sjö ringer tillbaka om Vägen."), Ct)).Referral;

        var enrolment = await StayAsync(participant, Steget, Start, end: null, ["Karin Berg", "Olle Ek"], accepted.Id);

        At(new DateOnly(2019, 1, 21));
        enrolment = await Harness.Get<RecordKartlaggningHandler>().HandleAsync(
            Staff, new RecordKartlaggningCommand(enrolment.Id, Etag(enrolment), new DateOnly(2019, 1, 21), ["Bakgrund: vårdbiträde på Solgården"]), Ct);
        At(new DateOnly(2019, 2, 4));
        enrolment = await Harness.Get<RecordPlanHandler>().HandleAsync(
            Staff,
            new RecordPlanCommand(
                enrolment.Id, Etag(enrolment), new DateOnly(2019, 2, 4), "work", "Undersköterska på Solgården",
                ["Praktik på Solgården"], ["Promenad med Mattias varje morgon"], new DateOnly(2019, 4, 1)),
            Ct);
        var assessments = Harness.Get<RecordAssessmentHandlers>();
        enrolment = await assessments.RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), "DOA", "2", "1-4", new DateOnly(2019, 2, 4), "3"), Ct);
        enrolment = await assessments.RecordSelfAsync(
            Staff,
            new RecordSelfAssessmentCommand(enrolment.Id, Etag(enrolment), "livshjul", "start", new DateOnly(2019, 2, 4), Livshjul(2)),
            Ct);
        enrolment = await Harness.Get<CorrectEnrolmentHandlers>().CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(enrolment.Id, Etag(enrolment), null, ["Olle Ek"], [], null, null, null, "Karin Berg har slutat"), Ct);

        At(End);
        enrolment = await EndAsync(enrolment, End);
        At(new DateOnly(2019, 9, 10));
        enrolment = await Harness.Get<RecordFollowUpHandler>().HandleAsync(
            Staff, new RecordFollowUpCommand(enrolment.Id, Etag(enrolment), new DateOnly(2019, 9, 10), "Signe har fast jobb på Solgården."), Ct);

        At(new DateOnly(2019, 10, 1));
        var stored = (await Participants.GetAsync(participant.Id, Ct))!;
        await Harness.Get<CorrectParticipantHandler>().HandleAsync(
            Staff, new CorrectParticipantCommand(participant.Id, Etags.Of(stored.Version), null, "Lindqvist", Gender.Other, "Heter Lindqvist, inte Andersson, sedan vigseln."), Ct);
        At(Today);

        return new Person(participant, personnummer, enrolment, accepted, declined);
    }

    private static Dictionary<string, int> Livshjul(int score) =>
        new[] { "resurser", "mat", "somn", "stress", "vardagsrutiner", "halsa-motion", "fritid", "min-utveckling" }.ToDictionary(a => a, _ => score);

    private static string Etag(Enrolment enrolment) => Etags.Of(enrolment.Version);

    private async Task<GallringRun> GallraAsync()
    {
        await RuleAsync(Steget, 2);
        await RuleAsync(Vagen, 2);
        return await ExecuteAsync(await DryRunAsync());
    }

    /// <summary>The person's stored documents as JSON, without their outboxes (events are dealt with separately).</summary>
    private async Task<string> StoredDocumentsAsync(string participantId)
    {
        var documents = new List<object?>
        {
            await Harness.Store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName).GetAsync(participantId, Ct),
        };
        documents.AddRange(await Harness.Store.Collection<EnrolmentDocument>(EnrolmentDocument.CollectionName).FindAsync(e => e.ParticipantId == participantId, cancellationToken: Ct));
        documents.AddRange(await Harness.Store.Collection<ReferralDocument>(ReferralDocument.CollectionName).FindAsync(r => r.ParticipantId == participantId, cancellationToken: Ct));
        return string.Join('\n', documents.Select(d =>
        {
            var node = JsonSerializer.SerializeToNode(d, d!.GetType())!.AsObject();
            node.Remove(nameof(ParticipantDocument.Outbox));
            return node.ToJsonString(Relaxed);
        }));
    }

    [Fact]
    public async Task Before_gallring_the_stored_documents_hold_the_identifying_texts()
    {
        // The guard for the test below: it would pass trivially if the texts were never stored.
        var signe = await SigneAsync();

        var stored = await StoredDocumentsAsync(signe.Participant.Id);

        Assert.All(IdentifyingTexts, text => Assert.Contains(text, stored, StringComparison.Ordinal));
        Assert.Contains(signe.Personnummer.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_gallring_no_stored_document_holds_any_identifying_text()
    {
        var signe = await SigneAsync();

        await GallraAsync();

        var stored = await StoredDocumentsAsync(signe.Participant.Id);
        Assert.All(IdentifyingTexts, text => Assert.DoesNotContain(text, stored, StringComparison.Ordinal));
        Assert.DoesNotContain(signe.Personnummer[..8], stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_corrections_keep_that_they_happened_but_not_the_names()
    {
        var signe = await SigneAsync();

        await GallraAsync();

        var history = await Harness.Get<GetParticipantHistoryHandler>().HandleAsync(Admin, signe.Participant.Id, Ct);
        var family = Assert.Single(history, c => c.Field == "family_name");
        Assert.Equal((Removed, Removed), (family.OldValue, family.NewValue));
        Assert.Equal(new DateTime(2019, 10, 1, 9, 0, 0, DateTimeKind.Utc), family.ChangedAt);
        Assert.Equal("samordnare-1", family.ChangedBy.Subject);
        // The reason is free text and named her ("Heter Lindqvist, inte Andersson …").
        Assert.Equal(Removed, family.Reason);
        // The gender correction is a categorical fact, not identifying: its values stay, its reason goes.
        var gender = Assert.Single(history, c => c.Field == "gender");
        Assert.Equal(("woman", "other", Removed), (gender.OldValue, gender.NewValue, gender.Reason));
    }

    [Fact]
    public async Task Referral_free_text_is_emptied_and_its_facts_kept()
    {
        var signe = await SigneAsync();

        await GallraAsync();

        var referrals = Harness.Get<IReferralRepository>();
        var accepted = (await referrals.GetAsync(signe.Accepted.Id, Ct))!;
        Assert.Equal((Removed, Removed, Removed), (accepted.Purpose, accepted.Handlaggare, accepted.AgencyReference));
        Assert.Equal(
            (Agencies.Forsakringskassan, Steget, new DateOnly(2019, 1, 8), ReferralStatuses.Accepted, signe.Participant.Id),
            (accepted.Agency, accepted.InsatsId, accepted.ReceivedOn, accepted.Status, accepted.ParticipantId));
        Assert.True(accepted.PlaceReleased);
        var declined = (await referrals.GetAsync(signe.Declined.Id, Ct))!;
        Assert.Equal((Removed, Removed, Removed, Removed), (declined.Purpose, declined.Handlaggare, declined.AgencyReference, declined.DeclineNote));
        Assert.Equal((Agencies.Kommun, ReferralStatuses.Declined, "annan-insats"), (declined.Agency, declined.Status, declined.DeclineReason));
    }

    [Fact]
    public async Task Stay_free_text_is_removed_and_the_statistics_facts_kept()
    {
        var signe = await SigneAsync();
        var before = (await Enrolments.GetAsync(signe.Enrolment.Id, Ct))!;

        var run = await GallraAsync();

        var after = (await Enrolments.GetAsync(signe.Enrolment.Id, Ct))!;
        Assert.Equal(run.ExecutedAt, after.IdentifyingDataRemovedAt);
        // Gone: contact persons, kartläggning areas, plan texts, the staff assessment's result, follow-up notes,
        // and the contact persons in the history.
        Assert.Empty(after.Start.ContactPersons);
        Assert.Equal([Removed], Assert.Single(after.Kartlaggningar).Areas);
        var plan = Assert.Single(after.Plans);
        Assert.Equal((Removed, 0, 0), (plan.Huvudmal, plan.Delmal.Count, plan.Strategies.Count));
        Assert.Equal(Removed, Assert.Single(after.Assessments).Result);
        Assert.Equal(Removed, Assert.Single(after.FollowUps).Note);
        var contactCorrection = Assert.Single(after.Corrections, c => c.Field == "contact_persons");
        Assert.Equal((Removed, Removed), (contactCorrection.OldValue, contactCorrection.NewValue));
        Assert.Equal(Removed, contactCorrection.Reason);

        // Kept: everything the statistics are made of.
        Assert.Equal(
            (before.InsatsId, before.ParticipantId, before.Gender, before.BirthYear, before.AgeBand, before.AnonymousDownstream, before.ReferringAgency, before.ReferralId),
            (after.InsatsId, after.ParticipantId, after.Gender, after.BirthYear, after.AgeBand, after.AnonymousDownstream, after.ReferringAgency, after.ReferralId));
        Assert.Equal(Agencies.Forsakringskassan, after.ReferringAgency);
        Assert.Equal(
            (before.Start.StartDate, before.Start.SysselsattningAtStart, before.Start.EducationLevel, before.Start.YearsInSupport),
            (after.Start.StartDate, after.Start.SysselsattningAtStart, after.Start.EducationLevel, after.Start.YearsInSupport));
        Assert.Equal(before.Start.ForsorjningAtStart, after.Start.ForsorjningAtStart);
        Assert.Equal(
            (before.Ending!.EndDate, before.Ending.SysselsattningAtEnd, before.Ending.EndedAt),
            (after.Ending!.EndDate, after.Ending.SysselsattningAtEnd, after.Ending.EndedAt));
        Assert.Equal(before.Ending.Reasons, after.Ending.Reasons);
        Assert.Equal(before.Ending.ForsorjningAtEnd, after.Ending.ForsorjningAtEnd);
        Assert.Equal(before.Kartlaggningar.Select(k => k.Date), after.Kartlaggningar.Select(k => k.Date));
        Assert.Equal(
            before.Plans.Select(p => (p.RecordedOn, p.GoalKind, p.ReviewDate, p.WithinDeadline)),
            after.Plans.Select(p => (p.RecordedOn, p.GoalKind, p.ReviewDate, p.WithinDeadline)));
        Assert.Equal(
            before.Assessments.Select(a => (a.Instrument, a.InstrumentVersion, a.Scale, a.AssessedOn)),
            after.Assessments.Select(a => (a.Instrument, a.InstrumentVersion, a.Scale, a.AssessedOn)));
        Assert.Equal(Livshjul(2).OrderBy(s => s.Key), Assert.Single(after.SelfAssessments).Scores.OrderBy(s => s.Key));
        Assert.Equal(before.FollowUps.Select(f => f.ContactOn), after.FollowUps.Select(f => f.ContactOn));
        Assert.Equal(before.Corrections.Select(c => (c.Field, c.ChangedAt)), after.Corrections.Select(c => (c.Field, c.ChangedAt)));
    }

    [Fact]
    public async Task The_person_keeps_gender_birth_year_and_consents()
    {
        var signe = await SigneAsync();
        var before = await StoredAsync(signe.Participant);

        await GallraAsync();

        var after = await StoredAsync(signe.Participant);
        Assert.Equal(
            (before.Gender, before.BirthYear, before.IsSamordningsnummer, before.ProtectedIdentity, before.RegisteredAt),
            (after.Gender, after.BirthYear, after.IsSamordningsnummer, after.ProtectedIdentity, after.RegisteredAt));
        Assert.Equal((Gender.Other, 1979), (after.Gender, after.BirthYear));
        Assert.Equal(before.Consents.Select(c => (c.GivenOn, c.WithdrawnOn, string.Join(',', c.Agencies))), after.Consents.Select(c => (c.GivenOn, c.WithdrawnOn, string.Join(',', c.Agencies))));
    }

    [Fact]
    public async Task Gallring_publishes_nothing_and_leaves_every_written_event_as_it_was()
    {
        var signe = await SigneAsync();
        var outboxes = await OutboxesAsync();
        Assert.NotEmpty(outboxes);

        var run = await GallraAsync();

        Assert.Equal([signe.Participant.Id], run.Removed);
        Assert.Equal(outboxes, await OutboxesAsync());
    }

    [Fact]
    public async Task Each_holder_removes_idempotently()
    {
        var signe = await SigneAsync();
        var holders = Harness.Get<IEnumerable<IIdentifyingDataHolder>>().ToList();
        Assert.Contains(holders, h => h is EnrolmentLinks);
        Assert.Contains(holders, h => h is ReferralGallring);

        foreach (var holder in holders)
        {
            await holder.RemoveIdentifyingDataAsync(signe.Participant.Id, Ct);
        }

        var once = await StoredDocumentsAsync(signe.Participant.Id);
        var versions = await VersionsAsync(signe.Participant.Id);

        // A run that stopped half-way is run again: the second time changes nothing, not even a version.
        foreach (var holder in holders)
        {
            await holder.RemoveIdentifyingDataAsync(signe.Participant.Id, Ct);
        }

        Assert.Equal(once, await StoredDocumentsAsync(signe.Participant.Id));
        Assert.Equal(versions, await VersionsAsync(signe.Participant.Id));
        Assert.Contains(Removed, once, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<long>> VersionsAsync(string participantId)
    {
        var enrolments = await Harness.Store.Collection<EnrolmentDocument>(EnrolmentDocument.CollectionName).FindAsync(e => e.ParticipantId == participantId, cancellationToken: Ct);
        var referrals = await Harness.Store.Collection<ReferralDocument>(ReferralDocument.CollectionName).FindAsync(r => r.ParticipantId == participantId, cancellationToken: Ct);
        return [.. enrolments.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Version), .. referrals.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Version)];
    }
}
