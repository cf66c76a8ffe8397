using System.Net;
using System.Net.Http.Json;
using Finsam.Testing;

namespace Finsam.EndToEndTests;

/// <summary>The slice through the gateway over REST: register, the event reaches reporting, errors name fields.</summary>
[Collection(SystemCollection.Name)]
public sealed class RegistrationOverRestTests(FinsamSystem system)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Registered_participant_is_counted_by_gender_in_the_summary()
    {
        var before = await system.SettledSummaryAsync();

        using var response = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            requestId = Guid.NewGuid(),
            personnummer = TestPersonnummer.Next(1990),
            givenName = "Lisa",
            familyName = "Andersson",
            gender = "GENDER_WOMAN",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        system.CountRegistration();
        var participant = await response.Content.ReadFromJsonAsync<ParticipantJson>(TestContext.Current.CancellationToken);
        Assert.NotNull(participant);
        Assert.True(Guid.TryParse(participant.ParticipantId, out _), "the participant id is an opaque UUID");
        Assert.Equal(1990, participant.BirthYear);
        Assert.Equal("GENDER_WOMAN", participant.Gender);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Lisa", body, StringComparison.Ordinal);
        Assert.DoesNotContain("personnummer", body, StringComparison.OrdinalIgnoreCase);

        var after = await Eventually.ReturnsAsync(
            () => system.GetJsonAsync<SummaryJson>("/v1/reports/summary"),
            s => s.RegisteredParticipants == before.RegisteredParticipants + 1,
            EventTimeout,
            "ParticipantRegistered to reach reporting");
        Assert.Equal(before.Women + 1, after.Women);
        Assert.Equal(before.Men, after.Men);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_every_field_and_writes_nothing()
    {
        var before = await system.SettledSummaryAsync();
        var pnr = TestPersonnummer.Next();
        var wrongCheckDigit = pnr[..^1] + (char)('0' + (pnr[^1] - '0' + 1) % 10);

        using var response = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = wrongCheckDigit,
            givenName = "",
            familyName = "Berg",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ErrorJson>(TestContext.Current.CancellationToken);
        Assert.NotNull(error);
        Assert.Equal(3, error.Code);
        var violations = Assert.Single(error.Details, d => d.Type.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal)).FieldViolations!;
        Assert.Equal(["personnummer", "given_name", "gender"], violations.Select(v => v.Field));
        Assert.Contains("kontrollsiffra", violations[0].Description, StringComparison.Ordinal);

        // The same personnummer with the right check digit is still free: nothing was half-written.
        using var retry = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = pnr, givenName = "Ali", familyName = "Berg", gender = "GENDER_MAN",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        system.CountRegistration();
        await Eventually.ReturnsAsync(
            () => system.GetJsonAsync<SummaryJson>("/v1/reports/summary"),
            s => s.RegisteredParticipants == before.RegisteredParticipants + 1,
            EventTimeout,
            "exactly one registration to be counted");
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        using var content = new StringContent("{\"personnummer\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await system.Rest.PostAsync("/v1/participants", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Duplicate_personnummer_is_409_and_counted_once()
    {
        var before = await system.SettledSummaryAsync();
        var pnr = TestPersonnummer.Next(1975);
        var request = new { personnummer = pnr, givenName = "Sara", familyName = "Lind", gender = "GENDER_OTHER" };

        using var first = await system.Rest.PostAsJsonAsync("/v1/participants", request, TestContext.Current.CancellationToken);
        using var second = await system.Rest.PostAsJsonAsync("/v1/participants", request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        system.CountRegistration();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var error = await second.Content.ReadFromJsonAsync<ErrorJson>(TestContext.Current.CancellationToken);
        Assert.Equal(6, error!.Code);
        Assert.Contains(error.Details, d => d.Reason == "PERSONNUMMER_ALREADY_REGISTERED");
        Assert.DoesNotContain(pnr[..8], error.Message, StringComparison.Ordinal);

        await Eventually.ReturnsAsync(
            () => system.GetJsonAsync<SummaryJson>("/v1/reports/summary"),
            s => s.Other == before.Other + 1,
            EventTimeout,
            "the first registration to be counted");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var settled = await system.GetJsonAsync<SummaryJson>("/v1/reports/summary");
        Assert.Equal(before.RegisteredParticipants + 1, settled.RegisteredParticipants);
    }

    [Fact]
    public async Task Retried_request_id_returns_the_first_result_and_stores_one()
    {
        var before = await system.SettledSummaryAsync();
        var request = new
        {
            requestId = Guid.NewGuid(),
            personnummer = TestPersonnummer.Next(1968),
            givenName = "Omar",
            familyName = "Nilsson",
            gender = "GENDER_MAN",
        };

        var ids = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await system.Rest.PostAsJsonAsync("/v1/participants", request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<ParticipantJson>(TestContext.Current.CancellationToken))!.ParticipantId);
        }

        Assert.Single(ids.Distinct());
        system.CountRegistration();
        await Eventually.ReturnsAsync(
            () => system.GetJsonAsync<SummaryJson>("/v1/reports/summary"),
            s => s.Men == before.Men + 1,
            EventTimeout,
            "the registration to be counted");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(before.RegisteredParticipants + 1, (await system.GetJsonAsync<SummaryJson>("/v1/reports/summary")).RegisteredParticipants);
    }

    [Fact]
    public async Task Participant_is_read_back_by_id_without_personal_data()
    {
        using var created = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(2001), givenName = "Nora", familyName = "Ek", gender = "GENDER_WOMAN",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        system.CountRegistration();
        var participant = (await created.Content.ReadFromJsonAsync<ParticipantJson>(TestContext.Current.CancellationToken))!;

        var read = await system.GetJsonAsync<ParticipantJson>($"/v1/participants/{participant.ParticipantId}");
        Assert.Equal(participant.ParticipantId, read.ParticipantId);
        Assert.Equal(2001, read.BirthYear);

        using var missing = await system.Rest.GetAsync($"/v1/participants/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
