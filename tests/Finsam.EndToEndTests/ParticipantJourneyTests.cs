using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Finsam.Protos.Participants.V1;
using Finsam.Testing;
using Grpc.Core;
using ProtoDate = Google.Type.Date;

namespace Finsam.EndToEndTests;

/// <summary>
/// One person's whole journey across the participants service's parts, over native gRPC through the gateway:
/// an agency refers two people to an insats with one place, the second waits in the queue; the first gives
/// consent, is enrolled from the referral, gets a plan and ends; the ended stay frees the place so the
/// second is accepted; the agency may read only while consent covers it; an anonymous survey answer is
/// handed in; and the person's access-log extract shows who read what.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ParticipantJourneyTests(FinsamSystem system)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(20));

    private static ProtoDate Day(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    [Fact]
    public async Task Referral_queue_consent_stay_and_the_freed_place_over_grpc()
    {
        // The service's "today" is the Swedish day, whatever the machine's time zone.
        var today = SwedishDay.Today();
        var insats = await new ActivitiesService.ActivitiesServiceClient(system.AdminGrpc).DefineInsatsAsync(new DefineInsatsRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = $"Rehabteamet {Guid.NewGuid():N}",
            Kind = InsatsKind.Individual,
            BudgetedPlaces = 1,
            PlanDeadlineDays = 28,
        }, Options);

        var afToken = system.Token(Roles.AgencySystem, agency: Agencies.Arbetsformedlingen);
        var staffToken = system.Token(Roles.Samordnare, subject: $"samordnare-{Guid.NewGuid():N}", insatser: [insats.InsatsId]);
        using var afChannel = system.GrpcAs(afToken);
        // Försäkringskassan also follows the person, but registered and referred nobody here.
        using var fkChannel = system.GrpcAs(system.Token(Roles.AgencySystem, agency: Agencies.Forsakringskassan));
        var fkRegistry = new ParticipantsService.ParticipantsServiceClient(fkChannel);
        using var staffChannel = system.GrpcAs(staffToken);
        var afRegistry = new ParticipantsService.ParticipantsServiceClient(afChannel);
        var afReferrals = new ReferralsService.ReferralsServiceClient(afChannel);
        var registry = new ParticipantsService.ParticipantsServiceClient(staffChannel);
        var referrals = new ReferralsService.ReferralsServiceClient(staffChannel);
        var enrolments = new EnrolmentsService.EnrolmentsServiceClient(staffChannel);

        // The agency registers and refers two people.
        var first = await afRegistry.RegisterParticipantAsync(Person(), Options);
        var second = await afRegistry.RegisterParticipantAsync(Person(), Options);
        system.CountRegistration(2);
        var referred = new List<Referral>();
        foreach (var person in new[] { first, second })
        {
            referred.Add(await afReferrals.CreateReferralAsync(new CreateReferralRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                ParticipantId = person.ParticipantId,
                InsatsId = insats.InsatsId,
                Purpose = "Långvarigt utanför arbetsmarknaden, behöver samordnat stöd.",
                Handlaggare = "Handläggare AF",
                ReceivedOn = Day(today.AddDays(-30)),
            }, Options));
        }

        // One place: the first is accepted, the second waits first in line.
        var accepted = await referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referred[0].ReferralId, Etag = referred[0].Etag }, Options);
        var queued = await referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referred[1].ReferralId, Etag = referred[1].Etag }, Options);
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(("queued", 1), (queued.Status, queued.QueuePosition));

        // Before consent another agency may not read the person's data; the referring agency follows its referral.
        var denied = await Assert.ThrowsAsync<RpcException>(() => fkRegistry.GetParticipantAsync(new GetParticipantRequest { ParticipantId = first.ParticipantId }, Options).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("Försäkringskassan", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("accepted", (await afReferrals.GetReferralAsync(new GetReferralRequest { ReferralId = accepted.ReferralId }, Options)).Status);

        // Inskrivning needs consent: refused without it, then started from the referral.
        var start = today.AddDays(-20);
        var startRequest = new StartEnrolmentRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            InsatsId = insats.InsatsId,
            ParticipantId = first.ParticipantId,
            ReferralId = accepted.ReferralId,
            StartDate = Day(start),
            ContactPersons = { "Samordnare Sara" },
            ForsorjningAtStart = { "sjukpenning", "forsorjningsstod" },
            SysselsattningAtStart = "sjukskriven",
            EducationLevel = "gymnasium",
            YearsInSupport = 4,
        };
        var noConsent = await Assert.ThrowsAsync<RpcException>(() => enrolments.StartEnrolmentAsync(startRequest, Options).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, noConsent.StatusCode);

        await registry.GiveConsentAsync(new GiveConsentRequest
        {
            ParticipantId = first.ParticipantId,
            Agencies = { "af", "fk", "kommun" },
            GivenOn = Day(start.AddDays(-1)),
        }, Options);
        var stay = await enrolments.StartEnrolmentAsync(startRequest, Options);
        Assert.Equal("af", stay.ReferringAgency);
        Assert.Equal(["sjukpenning", "forsorjningsstod"], stay.ForsorjningAtStart);

        // With consent covering it, Försäkringskassan may read the person.
        Assert.Equal(first.ParticipantId, (await fkRegistry.GetParticipantAsync(new GetParticipantRequest { ParticipantId = first.ParticipantId }, Options)).ParticipantId);

        stay = await enrolments.RecordPlanAsync(new RecordPlanRequest
        {
            EnrolmentId = stay.EnrolmentId,
            Etag = stay.Etag,
            RecordedOn = Day(start.AddDays(10)),
            GoalKind = "work",
            Huvudmal = "Arbetsträning 50 % inom tre månader.",
            Delmal = { "Regelbunden dygnsrytm" },
        }, Options);
        stay = await enrolments.EndEnrolmentAsync(new EndEnrolmentRequest
        {
            EnrolmentId = stay.EnrolmentId,
            Etag = stay.Etag,
            EndDate = Day(today),
            Reasons = { "arbetslivsinriktad-rehabilitering" },
            SysselsattningAtEnd = "praktik-arbetstraning",
            ForsorjningAtEnd = { "aktivitetsstod" },
        }, Options);
        Assert.True(stay.Ended);

        // The ended stay gave its place back: the one waiting is accepted without going over capacity.
        var queue = await referrals.GetReferralQueueAsync(new GetReferralQueueRequest { InsatsId = insats.InsatsId }, Options);
        Assert.Equal(0, queue.PlacesInUse);
        var promoted = await referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = queued.ReferralId, Etag = queued.Etag }, Options);
        Assert.Equal(("accepted", false), (promoted.Status, promoted.OverCapacity));

        // The deltagarenkät is handed in with no link to the person.
        var surveys = new SurveysService.SurveysServiceClient(staffChannel);
        await surveys.SubmitSurveyAnswerAsync(new SubmitSurveyAnswerRequest
        {
            InstrumentId = "nns-deltagare",
            InstrumentVersion = 1,
            InsatsId = insats.InsatsId,
            Period = $"{today.Year:0000}-{today.Month:00}",
            Answers = { ["Q1"] = "ofta", ["Q8"] = "ja" },
        }, Options);

        // The person's extract names the agency's refused and allowed reads and the staff's work.
        using var admin = system.RestAs(system.Token(Roles.Administrator), AccessPurposesRegisterutdrag);
        using var response = await admin.GetAsync($"/v1/participants/{first.ParticipantId}/access-log", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var extract = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var entries = extract.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (Role: e.GetProperty("role").GetString(), Action: e.GetProperty("action").GetString(), Outcome: e.GetProperty("outcome").GetString()))
            .ToList();
        Assert.Contains((Roles.AgencySystem, "participant.read", "denied"), entries);
        Assert.Contains((Roles.AgencySystem, "participant.read", "allowed"), entries);
        Assert.Contains(entries, e => e is { Role: Roles.Samordnare, Action: "consent.give" });
        Assert.Contains(entries, e => e is { Role: Roles.Samordnare, Action: "enrolment.start", Outcome: "allowed" });
    }

    [Fact]
    public async Task Anonymous_stay_over_rest_holds_gender_and_age_band_only()
    {
        var today = SwedishDay.Today();
        var ct = TestContext.Current.CancellationToken;
        using var defined = await system.AdminRest.PostAsJsonAsync(
            "/v1/activities/insatser", new { name = $"Hikikomori {Guid.NewGuid():N}", kind = "INSATS_KIND_INDIVIDUAL", budgetedPlaces = 5 }, ct);
        var insatsId = JsonDocument.Parse(await defined.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("insatsId").GetString()!;
        using var staff = system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));

        // An anonymous stay that names a person's facts is refused, each field named.
        using var tooMuch = await staff.PostAsJsonAsync("/v1/enrolments", new
        {
            insatsId,
            anonymous = new { gender = "GENDER_WOMAN", ageBand = "30-34" },
            startDate = new { year = today.Year, month = today.Month, day = today.Day },
            contactPersons = new[] { "Samordnare Sara" },
            educationLevel = "gymnasium",
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var refused = await tooMuch.Content.ReadAsStringAsync(ct);
        Assert.Contains("contact_persons", refused, StringComparison.Ordinal);
        Assert.Contains("education_level", refused, StringComparison.Ordinal);

        using var started = await staff.PostAsJsonAsync("/v1/enrolments", new
        {
            requestId = Guid.NewGuid().ToString(),
            insatsId,
            anonymous = new { gender = "GENDER_WOMAN", ageBand = "30-34" },
            startDate = new { year = today.Year, month = today.Month, day = today.Day },
        }, ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var stay = JsonDocument.Parse(await started.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.True(stay.GetProperty("anonymous").GetBoolean());
        Assert.False(stay.TryGetProperty("participantId", out var id) && id.GetString() is { Length: > 0 });
        Assert.Equal("30-34", stay.GetProperty("ageBand").GetString());

        using var ended = await staff.PostAsJsonAsync($"/v1/enrolments/{stay.GetProperty("enrolmentId").GetString()}:end", new
        {
            etag = stay.GetProperty("etag").GetString(),
            endDate = new { year = today.Year, month = today.Month, day = today.Day },
            reasons = new[] { "utan-matning" },
            sysselsattningAtEnd = "ovrigt",
            forsorjningAtEnd = new[] { "ingen-ersattning" },
        }, ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.True(JsonDocument.Parse(await ended.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("ended").GetBoolean());
    }

    private const string AccessPurposesRegisterutdrag = "registerutdrag";

    private static RegisterParticipantRequest Person() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Personnummer = TestPersonnummer.Next(1988),
        GivenName = "Leila",
        FamilyName = "Karimi",
        Gender = Gender.Woman,
    };
}
