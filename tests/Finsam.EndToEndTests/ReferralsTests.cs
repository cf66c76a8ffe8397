using System.Net;
using System.Net.Http.Json;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.EndToEndTests;

// The REST shapes of referrals (camelCase JSON from gRPC transcoding; scalar defaults such as 0 are omitted).
public sealed record ReferralJson(
    string ReferralId,
    string ParticipantId,
    string InsatsId,
    string Agency,
    string Purpose,
    string Status,
    int QueuePosition,
    bool OverCapacity,
    string? DeclineReason,
    string Etag);

public sealed record ReferralQueueJson(string InsatsId, int BudgetedPlaces, int PlacesInUse, List<ReferralJson>? Referrals);

/// <summary>Referrals through the gateway over REST: the queue per insats, decisions, agency access and errors.</summary>
[Collection(SystemCollection.Name)]
public sealed class ReferralsTests(FinsamSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_insats_queues_referrals_oldest_first_and_staff_decide_from_the_head()
    {
        var insatsId = await DefineInsatsAsync(budgetedPlaces: 1);
        using var fk = system.RestAs(system.Token(Roles.AgencySystem, agency: "fk"));
        using var staff = system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));
        var referrals = new List<ReferralJson>();
        for (var i = 0; i < 3; i++)
        {
            referrals.Add(await ReferAsync(fk, await RegisterAsync(), insatsId));
        }

        Assert.All(referrals, r => Assert.Equal(("received", "fk"), (r.Status, r.Agency)));

        var first = await DecideAsync(staff, referrals[0], "accept");
        var second = await DecideAsync(staff, referrals[1], "accept");
        var third = await DecideAsync(staff, referrals[2], "accept");
        Assert.Equal(("accepted", 0), (first.Status, first.QueuePosition));
        Assert.Equal(("queued", 1), (second.Status, second.QueuePosition));
        Assert.Equal(("queued", 2), (third.Status, third.QueuePosition));

        var queue = await staff.GetFromJsonAsync<ReferralQueueJson>($"/v1/referral-queues/{insatsId}", Ct);
        Assert.Equal((1, 1), (queue!.BudgetedPlaces, queue.PlacesInUse));
        Assert.Equal([second.ReferralId, third.ReferralId], queue.Referrals!.Select(r => r.ReferralId));
        Assert.Equal([1, 2], queue.Referrals!.Select(r => r.QueuePosition));

        // Not the head: refused, naming the rule; the head can pass only by an explicit over-capacity decision.
        using var notHead = await staff.PostAsJsonAsync($"/v1/referrals/{third.ReferralId}:accept", new { etag = third.Etag }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notHead.StatusCode);
        var error = await notHead.Content.ReadFromJsonAsync<ErrorJson>(Ct);
        Assert.Equal(9, error!.Code); // FAILED_PRECONDITION
        Assert.Contains(error.Details, d => d.Reason == "NOT_HEAD_OF_QUEUE");
        Assert.Contains("plats 2", error.Message, StringComparison.Ordinal);

        var overCapacity = await DecideAsync(staff, second, "accept", new { etag = second.Etag, overCapacity = true });
        Assert.Equal(("accepted", true), (overCapacity.Status, overCapacity.OverCapacity));

        var after = await staff.GetFromJsonAsync<ReferralQueueJson>($"/v1/referral-queues/{insatsId}", Ct);
        Assert.Equal(2, after!.PlacesInUse);
        var head = Assert.Single(after.Referrals!);
        Assert.Equal((third.ReferralId, 1), (head.ReferralId, head.QueuePosition));

        var declined = await DecideAsync(staff, head, "decline", new { etag = head.Etag, reason = "annan-insats", note = "Bättre i IPS." });
        Assert.Equal(("declined", "annan-insats"), (declined.Status, declined.DeclineReason));
        Assert.Empty((await staff.GetFromJsonAsync<ReferralQueueJson>($"/v1/referral-queues/{insatsId}", Ct))!.Referrals ?? []);
    }

    [Fact]
    public async Task An_agency_reads_its_own_referral_without_consent_and_another_agency_is_refused()
    {
        var insatsId = await DefineInsatsAsync(budgetedPlaces: 5);
        using var fk = system.RestAs(system.Token(Roles.AgencySystem, agency: "fk"));
        using var af = system.RestAs(system.Token(Roles.AgencySystem, agency: "af"));
        var referral = await ReferAsync(fk, await RegisterAsync(), insatsId);

        var own = await fk.GetFromJsonAsync<ReferralJson>($"/v1/referrals/{referral.ReferralId}", Ct);
        using var other = await af.GetAsync($"/v1/referrals/{referral.ReferralId}", Ct);
        var listed = await fk.GetFromJsonAsync<ListJson>($"/v1/participants/{referral.ParticipantId}/referrals", Ct);

        Assert.Equal(referral.Purpose, own!.Purpose);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var error = await other.Content.ReadFromJsonAsync<ErrorJson>(Ct);
        Assert.Contains(error!.Details, d => d.Reason == "CONSENT_MISSING");
        Assert.Equal([referral.ReferralId], listed!.Referrals.Select(r => r.ReferralId));

        // Another agency can't withdraw it either; the referring one can.
        using var foreignWithdraw = await af.PostAsJsonAsync($"/v1/referrals/{referral.ReferralId}:withdraw", new { etag = referral.Etag }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreignWithdraw.StatusCode);
        var withdrawn = await DecideAsync(fk, referral, "withdraw");
        Assert.Equal("withdrawn", withdrawn.Status);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_fields_a_retry_returns_the_first_and_a_stale_etag_is_409()
    {
        var insatsId = await DefineInsatsAsync(budgetedPlaces: 5);
        var participantId = await RegisterAsync();
        using var fk = system.RestAs(system.Token(Roles.AgencySystem, agency: "fk"));
        using var staff = system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));

        using var invalid = await fk.PostAsJsonAsync("/v1/referrals", new
        {
            participantId,
            insatsId,
            agency = "skatteverket",
            purpose = " ",
            receivedOn = new { year = 2100, month = 1, day = 1 },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var violations = await FieldViolationsAsync(invalid);
        Assert.Equal(["agency", "purpose", "received_on"], violations.Select(v => v.Field));

        using var unknownInsats = await fk.PostAsJsonAsync("/v1/referrals", new { participantId, insatsId = Guid.NewGuid().ToString(), purpose = "Stöd" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownInsats.StatusCode);
        Assert.Equal(("insats_id", "Insatsen finns inte."), (await FieldViolationsAsync(unknownInsats)).Select(v => (v.Field, v.Description)).Single());

        var request = new { requestId = Guid.NewGuid(), participantId, insatsId, purpose = "Arbetsträning", handlaggare = "Per Persson", agencyReference = "FK-1" };
        var ids = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await fk.PostAsJsonAsync("/v1/referrals", request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<ReferralJson>(Ct))!.ReferralId);
        }

        Assert.Single(ids.Distinct());
        var listed = await fk.GetFromJsonAsync<ListJson>($"/v1/participants/{participantId}/referrals", Ct);
        Assert.Single(listed!.Referrals);

        var referral = listed.Referrals[0];
        await DecideAsync(staff, referral, "accept");
        using var stale = await fk.PostAsJsonAsync($"/v1/referrals/{referral.ReferralId}:withdraw", new { etag = referral.Etag }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(10, (await stale.Content.ReadFromJsonAsync<ErrorJson>(Ct))!.Code); // ABORTED
    }

    public sealed record ListJson(List<ReferralJson> Referrals);

    private async Task<string> DefineInsatsAsync(int budgetedPlaces)
    {
        using var response = await system.AdminRest.PostAsJsonAsync("/v1/activities/insatser", new
        {
            name = $"Steget vidare {Guid.NewGuid():N}",
            kind = "INSATS_KIND_INDIVIDUAL",
            budgetedPlaces,
            planDeadlineDays = 28,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InsatsJson>(Ct))!.InsatsId;
    }

    private async Task<string> RegisterAsync()
    {
        using var response = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(1979), givenName = "Sanna", familyName = "Berg", gender = "GENDER_WOMAN",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        system.CountRegistration();
        return (await response.Content.ReadFromJsonAsync<ParticipantJson>(Ct))!.ParticipantId;
    }

    private static async Task<ReferralJson> ReferAsync(HttpClient agency, string participantId, string insatsId)
    {
        using var response = await agency.PostAsJsonAsync("/v1/referrals", new
        {
            requestId = Guid.NewGuid(),
            participantId,
            insatsId,
            purpose = "Långvarigt utanför arbetsmarknaden, behöver kartläggning.",
            handlaggare = "Eva Ek",
            agencyReference = "FK-2026-17",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReferralJson>(Ct))!;
    }

    private static async Task<ReferralJson> DecideAsync(HttpClient client, ReferralJson referral, string action, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/v1/referrals/{referral.ReferralId}:{action}", body ?? new { etag = referral.Etag }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<ReferralJson>(Ct))!;
    }

    private static async Task<List<FieldViolationJson>> FieldViolationsAsync(HttpResponseMessage response)
    {
        var error = await response.Content.ReadFromJsonAsync<ErrorJson>(Ct);
        return Assert.Single(error!.Details, d => d.Type.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal)).FieldViolations!;
    }
}
