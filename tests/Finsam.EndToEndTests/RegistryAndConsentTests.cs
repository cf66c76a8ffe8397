using System.Net;
using System.Net.Http.Json;
using Finsam.Platform.Security;
using Finsam.Protos.Participants.V1;
using Finsam.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Finsam.EndToEndTests;

/// <summary>
/// The registry through the gateway, REST and native gRPC: register, read without identity, identity for the
/// registrant, search, corrections with etag and history, consent gating of an agency system, and the
/// access-log extract that shows every one of those reads.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RegistryAndConsentTests(FinsamSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(20));

    private static CallOptions WithPurpose(string purpose) =>
        new(headers: new Metadata { { "x-finsam-purpose", purpose } }, deadline: DateTime.UtcNow.AddSeconds(20));

    private async Task<(RegistryParticipantJson Participant, string Personnummer)> RegisterOverRestAsync(int birthYear, string given, string family)
    {
        var personnummer = TestPersonnummer.Next(birthYear);
        using var response = await system.Rest.PostAsJsonAsync("/v1/participants", new
        {
            requestId = Guid.NewGuid(), personnummer, givenName = given, familyName = family, gender = "GENDER_WOMAN",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        system.CountRegistration();
        return ((await response.Content.ReadFromJsonAsync<RegistryParticipantJson>(Ct))!, personnummer);
    }

    private static async Task<ErrorJson> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ErrorJson>(Ct))!;
    }

    [Fact]
    public async Task Register_read_identity_search_correct_and_history_over_rest()
    {
        var (created, personnummer) = await RegisterOverRestAsync(1984, "Greta", "Sund");
        Assert.False(string.IsNullOrEmpty(created.Etag));

        // Read without identity: nothing in the body names or numbers the person.
        using var read = await system.Rest.GetAsync($"/v1/participants/{created.ParticipantId}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readBody = await read.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Greta", readBody, StringComparison.Ordinal);
        Assert.DoesNotContain(personnummer[..8], readBody, StringComparison.Ordinal);
        Assert.DoesNotContain("personnummer", readBody, StringComparison.OrdinalIgnoreCase);

        // Identity, for the one who registered the person.
        var identity = await system.GetJsonAsync<IdentityJson>($"/v1/participants/{created.ParticipantId}/identity");
        Assert.Equal(personnummer.Replace("-", "", StringComparison.Ordinal), identity.Personnummer);
        Assert.Equal(("Greta", "Sund"), (identity.GivenName, identity.FamilyName));

        // Search by personnummer, in the short form: the same person.
        using var search = await system.Rest.PostAsJsonAsync("/v1/participants:search", new { personnummer = personnummer[2..] }, Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var found = await search.Content.ReadFromJsonAsync<SearchResultJson>(Ct);
        Assert.Equal(created.ParticipantId, Assert.Single(found!.Participants!).ParticipantId);

        // Correct with the current etag.
        using var corrected = await system.Rest.PostAsJsonAsync($"/v1/participants/{created.ParticipantId}:correct", new
        {
            etag = created.Etag, familyName = "Sund-Berg", gender = "GENDER_OTHER", reason = "Fel vid registreringen",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var afterCorrection = (await corrected.Content.ReadFromJsonAsync<RegistryParticipantJson>(Ct))!;
        Assert.Equal("GENDER_OTHER", afterCorrection.Gender);
        Assert.NotEqual(created.Etag, afterCorrection.Etag);
        Assert.Equal("Sund-Berg", (await system.GetJsonAsync<IdentityJson>($"/v1/participants/{created.ParticipantId}/identity")).FamilyName);

        // The history keeps the old values, who, when and why.
        var history = await system.GetJsonAsync<HistoryJson>($"/v1/participants/{created.ParticipantId}/history");
        Assert.Equal(
            [("family_name", "Sund", "Sund-Berg"), ("gender", "woman", "other")],
            history.Corrections!.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(history.Corrections!, c =>
        {
            Assert.Equal(FinsamSystem.DefaultSubject, c.ChangedBy);
            Assert.Equal(Roles.Samordnare, c.ChangedByRole);
            Assert.Equal("Fel vid registreringen", c.Reason);
            Assert.InRange(c.ChangedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        });

        // The etag read before the correction is stale now: 409, and nothing changes.
        using var stale = await system.Rest.PostAsJsonAsync($"/v1/participants/{created.ParticipantId}:correct", new
        {
            etag = created.Etag, givenName = "Gun", reason = "Andra försöket",
        }, Ct);
        var conflict = await ErrorAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal((int)Code.Aborted, conflict.Code);
        Assert.Contains(conflict.Details, d => d.Reason == "PARTICIPANT_CHANGED");
        Assert.Equal("Greta", (await system.GetJsonAsync<IdentityJson>($"/v1/participants/{created.ParticipantId}/identity")).GivenName);
        Assert.Equal(2, (await system.GetJsonAsync<HistoryJson>($"/v1/participants/{created.ParticipantId}/history")).Corrections!.Count);
    }

    [Fact]
    public async Task Correction_without_a_reason_is_400_naming_reason()
    {
        var (created, _) = await RegisterOverRestAsync(1991, "Tove", "Ås");

        using var response = await system.Rest.PostAsJsonAsync($"/v1/participants/{created.ParticipantId}:correct", new
        {
            etag = created.Etag, givenName = "Tova",
        }, Ct);

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest);
        var violations = Assert.Single(error.Details, d => d.FieldViolations is not null).FieldViolations!;
        Assert.Equal("reason", Assert.Single(violations).Field);
    }

    [Fact]
    public async Task Consent_gates_an_agency_system_over_rest()
    {
        var (created, _) = await RegisterOverRestAsync(1979, "Ebba", "Kvist");
        using var af = system.RestAs(system.Token(Roles.AgencySystem, agency: Agencies.Arbetsformedlingen));
        var path = $"/v1/participants/{created.ParticipantId}";

        using var withoutConsent = await af.GetAsync(path, Ct);
        var denied = await ErrorAsync(withoutConsent, HttpStatusCode.Forbidden);
        Assert.Equal((int)Code.PermissionDenied, denied.Code);
        Assert.Contains(denied.Details, d => d.Reason == "CONSENT_MISSING");
        Assert.Contains("Arbetsförmedlingen", denied.Message, StringComparison.Ordinal);

        // Consent for another agency doesn't help.
        var yesterday = SwedishDay.Today().AddDays(-1);
        using var forFk = await system.Rest.PostAsJsonAsync($"{path}/consents", new { agencies = new[] { "fk" }, givenOn = DateJson.Of(yesterday) }, Ct);
        Assert.Equal(HttpStatusCode.OK, forFk.StatusCode);
        using var stillDenied = await af.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, stillDenied.StatusCode);

        using var given = await system.Rest.PostAsJsonAsync($"{path}/consents", new { agencies = new[] { "af", "kommun" }, givenOn = DateJson.Of(yesterday) }, Ct);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var consent = (await given.Content.ReadFromJsonAsync<ConsentJson>(Ct))!;
        Assert.True(consent.Active);
        Assert.Equal(yesterday, consent.GivenOn.ToDateOnly());

        using var allowed = await af.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(created.ParticipantId, (await allowed.Content.ReadFromJsonAsync<RegistryParticipantJson>(Ct))!.ParticipantId);

        using var withdrawn = await system.Rest.PostAsJsonAsync($"{path}/consents/{consent.ConsentId}:withdraw", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var withdrawnConsent = (await withdrawn.Content.ReadFromJsonAsync<ConsentJson>(Ct))!;
        Assert.False(withdrawnConsent.Active);
        Assert.Equal(SwedishDay.Today(), withdrawnConsent.WithdrawnOn!.ToDateOnly());

        using var afterWithdrawal = await af.GetAsync(path, Ct);
        Assert.Contains((await ErrorAsync(afterWithdrawal, HttpStatusCode.Forbidden)).Details, d => d.Reason == "CONSENT_MISSING");

        using var again = await system.Rest.PostAsJsonAsync($"{path}/consents/{consent.ConsentId}:withdraw", new { }, Ct);
        Assert.Contains((await ErrorAsync(again, HttpStatusCode.BadRequest)).Details, d => d.Reason == "CONSENT_ALREADY_WITHDRAWN");
    }

    [Fact]
    public async Task Access_log_extract_lists_every_read_oldest_first_over_rest()
    {
        var (created, personnummer) = await RegisterOverRestAsync(1966, "Rut", "Holm");
        var path = $"/v1/participants/{created.ParticipantId}";
        var afSubject = $"af-system-{Guid.NewGuid():N}";
        var adminSubject = $"admin-{Guid.NewGuid():N}";
        using var af = system.RestAs(system.Token(Roles.AgencySystem, afSubject, Agencies.Arbetsformedlingen), purpose: "uppfoljning");
        using var admin = system.RestAs(system.Token(Roles.Administrator, adminSubject), purpose: "registerutdrag");

        (await system.Rest.GetAsync(path, Ct)).Dispose();
        (await system.Rest.GetAsync($"{path}/identity", Ct)).Dispose();
        (await system.Rest.PostAsJsonAsync("/v1/participants:search", new { personnummer }, Ct)).Dispose();
        using (var denied = await af.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var given = await system.Rest.PostAsJsonAsync($"{path}/consents", new { agencies = new[] { "af" }, givenOn = DateJson.Of(SwedishDay.Today()) }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        }

        using (var allowed = await af.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await admin.GetAsync($"{path}/access-log", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extract = (await response.Content.ReadFromJsonAsync<AccessLogExtractJson>(Ct))!;

        Assert.Equal(created.ParticipantId, extract.ParticipantId);
        // Callers without an agency show an empty one.
        var samordnare = (FinsamSystem.DefaultSubject, Roles.Samordnare, "", "handlaggning");
        var agency = (afSubject, Roles.AgencySystem, "af", "uppfoljning");
        var administrator = (adminSubject, Roles.Administrator, "", "registerutdrag");
        Assert.Equal(
            [
                ("participant.register", samordnare, "allowed"),
                ("participant.read", samordnare, "allowed"),
                ("participant.read-identity", samordnare, "allowed"),
                ("participant.search", samordnare, "allowed"),
                ("participant.read", agency, "denied"),
                ("consent.give", samordnare, "allowed"),
                ("participant.read", agency, "allowed"),
                // Producing the extract is itself a read of the person's data.
                ("access-log.extract", administrator, "allowed"),
            ],
            extract.Entries!.Select(e => (e.Action, (e.Subject, e.Role, e.Agency ?? "", e.Purpose), e.Outcome)));
        Assert.Equal(extract.Entries!.Select(e => e.At).Order(), extract.Entries!.Select(e => e.At));
        Assert.DoesNotContain(personnummer[..8], await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_purpose_is_400_naming_the_header()
    {
        using var client = system.RestAs(system.Token(Roles.Administrator), purpose: "nyfikenhet");

        using var response = await client.GetAsync($"/v1/participants/{Guid.NewGuid()}", Ct);

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("x-finsam-purpose", Assert.Single(Assert.Single(error.Details, d => d.FieldViolations is not null).FieldViolations!).Field);
    }

    [Fact]
    public async Task Registry_over_native_grpc()
    {
        var client = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var personnummer = TestPersonnummer.Next(1972);

        var created = await client.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            RequestId = Guid.NewGuid().ToString(), Personnummer = personnummer, GivenName = "Nils", FamilyName = "Berg", Gender = Gender.Man,
        }, Options);
        system.CountRegistration();

        var read = await client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = created.ParticipantId }, Options);
        Assert.Equal((1972, Gender.Man, created.Etag), (read.BirthYear, read.Gender, read.Etag));

        var identity = await client.GetParticipantIdentityAsync(new GetParticipantIdentityRequest { ParticipantId = created.ParticipantId }, Options);
        Assert.Equal(personnummer.Replace("-", "", StringComparison.Ordinal), identity.Personnummer);
        Assert.Equal("Nils", identity.GivenName);

        var found = await client.SearchParticipantsAsync(new SearchParticipantsRequest { Personnummer = personnummer }, Options);
        Assert.Equal(created.ParticipantId, Assert.Single(found.Participants).ParticipantId);
        var nobody = await client.SearchParticipantsAsync(new SearchParticipantsRequest { Personnummer = TestPersonnummer.Next(1972) }, Options);
        Assert.Empty(nobody.Participants);

        var corrected = await client.CorrectParticipantAsync(new CorrectParticipantRequest
        {
            ParticipantId = created.ParticipantId, Etag = created.Etag, GivenName = "Nisse", Reason = "Tilltalsnamn",
        }, Options);
        Assert.NotEqual(created.Etag, corrected.Etag);

        var stale = await Assert.ThrowsAsync<RpcException>(async () => await client.CorrectParticipantAsync(new CorrectParticipantRequest
        {
            ParticipantId = created.ParticipantId, Etag = created.Etag, FamilyName = "Sten", Reason = "Fel efternamn",
        }, Options));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal("PARTICIPANT_CHANGED", stale.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);

        var history = await client.GetParticipantHistoryAsync(new GetParticipantHistoryRequest { ParticipantId = created.ParticipantId }, Options);
        var correction = Assert.Single(history.Corrections);
        Assert.Equal(("given_name", "Nils", "Nisse", "Tilltalsnamn"), (correction.Field, correction.OldValue, correction.NewValue, correction.Reason));
        Assert.Equal((FinsamSystem.DefaultSubject, Roles.Samordnare), (correction.ChangedBy, correction.ChangedByRole));
    }

    [Fact]
    public async Task Consent_gating_and_access_log_over_native_grpc()
    {
        var client = new ParticipantsService.ParticipantsServiceClient(system.Grpc);
        var created = await client.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Personnummer = TestPersonnummer.Next(1958), GivenName = "Alva", FamilyName = "Lund", Gender = Gender.Woman,
        }, Options);
        system.CountRegistration();
        var afSubject = $"af-system-{Guid.NewGuid():N}";
        using var afChannel = system.GrpcAs(system.Token(Roles.AgencySystem, afSubject, Agencies.Arbetsformedlingen));
        var af = new ParticipantsService.ParticipantsServiceClient(afChannel);
        var get = new GetParticipantRequest { ParticipantId = created.ParticipantId };

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await af.GetParticipantAsync(get, Options));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("CONSENT_MISSING", denied.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("Arbetsförmedlingen", denied.Status.Detail, StringComparison.Ordinal);

        var today = SwedishDay.Today();
        var consent = await client.GiveConsentAsync(new GiveConsentRequest
        {
            ParticipantId = created.ParticipantId,
            Agencies = { "af" },
            GivenOn = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
        }, Options);
        Assert.True(consent.Active);
        Assert.Equal(created.ParticipantId, (await af.GetParticipantAsync(get, Options)).ParticipantId);

        await client.WithdrawConsentAsync(new WithdrawConsentRequest { ParticipantId = created.ParticipantId, ConsentId = consent.ConsentId }, Options);
        var deniedAgain = await Assert.ThrowsAsync<RpcException>(async () => await af.GetParticipantAsync(get, Options));
        Assert.Equal(StatusCode.PermissionDenied, deniedAgain.StatusCode);

        var consents = await client.ListConsentsAsync(new ListConsentsRequest { ParticipantId = created.ParticipantId }, Options);
        Assert.False(Assert.Single(consents.Consents).Active);

        var adminSubject = $"admin-{Guid.NewGuid():N}";
        using var adminChannel = system.GrpcAs(system.Token(Roles.Administrator, adminSubject));
        var extract = await new ParticipantsService.ParticipantsServiceClient(adminChannel).GetAccessLogExtractAsync(
            new GetAccessLogExtractRequest { ParticipantId = created.ParticipantId }, WithPurpose("tillsyn"));
        Assert.Equal(
            [
                ("participant.register", FinsamSystem.DefaultSubject, "allowed"),
                ("participant.read", afSubject, "denied"),
                ("consent.give", FinsamSystem.DefaultSubject, "allowed"),
                ("participant.read", afSubject, "allowed"),
                ("consent.withdraw", FinsamSystem.DefaultSubject, "allowed"),
                ("participant.read", afSubject, "denied"),
                ("consent.read", FinsamSystem.DefaultSubject, "allowed"),
                ("access-log.extract", adminSubject, "allowed"),
            ],
            extract.Entries.Select(e => (e.Action, e.Subject, e.Outcome)));
        Assert.All(extract.Entries.Where(e => e.Subject == afSubject), e => Assert.Equal(("af", Roles.AgencySystem), (e.Agency, e.Role)));
        Assert.Equal("tillsyn", extract.Entries[^1].Purpose);
        Assert.Equal(extract.Entries.Select(e => e.At.ToDateTime()).Order(), extract.Entries.Select(e => e.At.ToDateTime()));
    }
}
