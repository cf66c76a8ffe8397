using System.Net;
using System.Net.Http.Json;
using Finsam.Testing;

namespace Finsam.EndToEndTests;

/// <summary>Nothing is lost when the broker connection goes away or a service restarts.</summary>
[Collection(SystemCollection.Name)]
public sealed class ResilienceTests(FinsamSystem system)
{
    [Fact]
    public async Task Registrations_during_a_broker_outage_all_arrive_after_recovery()
    {
        const int count = 6;
        var before = await system.SettledSummaryAsync();

        system.ParticipantsBrokerLink.Block();
        try
        {
            for (var i = 0; i < count; i++)
            {
                using var response = await system.Rest.PostAsJsonAsync("/v1/participants", new
                {
                    personnummer = TestPersonnummer.Next(1970 + i),
                    givenName = "Under",
                    familyName = "Avbrott",
                    gender = i % 2 == 0 ? "GENDER_WOMAN" : "GENDER_MAN",
                }, TestContext.Current.CancellationToken);
                // The write succeeds: the event waits in the outbox, not on the broker.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                system.CountRegistration();
            }

            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            var during = await system.GetJsonAsync<SummaryJson>("/v1/reports/summary");
            Assert.Equal(before.RegisteredParticipants, during.RegisteredParticipants);
        }
        finally
        {
            system.ParticipantsBrokerLink.Unblock();
        }

        var after = await Eventually.ReturnsAsync(
            () => system.GetJsonAsync<SummaryJson>("/v1/reports/summary"),
            s => s.RegisteredParticipants >= before.RegisteredParticipants + count,
            // MassTransit's reconnect back-off (not configurable) decides how soon the link is back.
            TimeSpan.FromSeconds(90),
            "every event queued during the outage to arrive");
        Assert.Equal(before.RegisteredParticipants + count, after.RegisteredParticipants);
        Assert.Equal(before.Women + count / 2, after.Women);
        Assert.Equal(before.Men + count / 2, after.Men);
    }

    [Fact]
    public async Task Restarted_services_keep_their_data()
    {
        using var created = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(1988), givenName = "Bo", familyName = "Kvar", gender = "GENDER_MAN",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        system.CountRegistration();
        var participant = (await created.Content.ReadFromJsonAsync<ParticipantJson>(TestContext.Current.CancellationToken))!;
        var summary = await system.SettledSummaryAsync();

        await system.RestartAsync("participants");
        await system.RestartAsync("reporting");

        var read = await system.GetJsonAsync<ParticipantJson>($"/v1/participants/{participant.ParticipantId}");
        Assert.Equal(participant.ParticipantId, read.ParticipantId);
        Assert.Equal(summary, await system.GetJsonAsync<SummaryJson>("/v1/reports/summary"));
    }

    [Fact]
    public async Task A_stay_asked_for_while_the_catalogue_is_down_is_unavailable_and_works_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = SwedishDay.Today();
        using var defined = await system.AdminRest.PostAsJsonAsync(
            "/v1/activities/insatser", new { name = $"Steget {Guid.NewGuid():N}", kind = "INSATS_KIND_INDIVIDUAL", budgetedPlaces = 5 }, ct);
        var insatsId = System.Text.Json.JsonDocument.Parse(await defined.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("insatsId").GetString()!;
        using var staff = system.RestAs(system.Token(Finsam.Platform.Security.Roles.Samordnare, insatser: [insatsId]));
        using var registered = await staff.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(1984), givenName = "Nora", familyName = "Ek", gender = "GENDER_WOMAN",
        }, ct);
        system.CountRegistration();
        var participantId = System.Text.Json.JsonDocument.Parse(await registered.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("participantId").GetString()!;
        using var consent = await staff.PostAsJsonAsync($"/v1/participants/{participantId}/consents", new
        {
            agencies = new[] { "fk" }, givenOn = new { year = today.Year, month = today.Month, day = today.Day },
        }, ct);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var start = new
        {
            requestId = Guid.NewGuid().ToString(),
            insatsId,
            participantId,
            startDate = new { year = today.Year, month = today.Month, day = today.Day },
            contactPersons = new[] { "Samordnare Sara" },
            forsorjningAtStart = new[] { "sjukpenning" },
        };

        // The catalogue lives in the activities service: while it is away, participants says so (503), writes nothing.
        await system.Activities.StopAsync();
        try
        {
            using var refused = await staff.PostAsJsonAsync("/v1/enrolments", start, ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("CATALOGUE_UNAVAILABLE", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
        finally
        {
            await system.RestartAsync("activities");
        }

        using var retried = await staff.PostAsJsonAsync("/v1/enrolments", start, ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }
}
