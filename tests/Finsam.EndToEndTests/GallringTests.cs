using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.EndToEndTests;

/// <summary>
/// Gallring through the gateway over REST: a stay that ended in June 2019 in an insats whose rule is one year
/// is listed by a dry run, the execution removes the person's identity, and the stay's dates and codes are
/// still there for the statistics. Only an administrator may do any of it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GallringTests(FinsamSystem system)
{
    private static readonly DateOnly Start = new(2019, 1, 14);
    private static readonly DateOnly End = new(2019, 6, 28);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Date(DateOnly day) => new { year = day.Year, month = day.Month, day = day.Day };

    [Fact]
    public async Task A_dry_run_lists_the_person_due_and_its_execution_removes_the_identity_but_keeps_the_stay()
    {
        var insatsId = await DefineInsatsAsync();
        using var staff = system.RestAs(system.Token(Roles.Samordnare, $"gallring-staff-{Guid.NewGuid():N}", insatser: [insatsId]));
        using var admin = system.RestAs(system.Token(Roles.Administrator, $"gallring-admin-{Guid.NewGuid():N}"));

        // Register, consent, start on 14 January 2019 and end on 28 June 2019.
        var personnummer = TestPersonnummer.Next(1981);
        var participant = await SendAsync(staff, HttpMethod.Post, "/v1/participants", new
        {
            requestId = Guid.NewGuid(), personnummer, givenName = "Lena", familyName = "Sjöberg", gender = "GENDER_WOMAN",
        });
        system.CountRegistration();
        var participantId = participant["participantId"]!.GetValue<string>();
        await SendAsync(staff, HttpMethod.Post, $"/v1/participants/{participantId}/consents", new { agencies = new[] { "kommun" }, givenOn = Date(Start.AddDays(-4)) });
        var enrolment = await SendAsync(staff, HttpMethod.Post, "/v1/enrolments", new
        {
            requestId = Guid.NewGuid(),
            insatsId,
            participantId,
            startDate = Date(Start),
            contactPersons = new[] { "Karin Berg" },
            forsorjningAtStart = new[] { "sjukpenning", "forsorjningsstod" },
            sysselsattningAtStart = "sjukskriven",
            educationLevel = "gymnasium",
            yearsInSupport = 3,
        });
        var enrolmentId = enrolment["enrolmentId"]!.GetValue<string>();
        await SendAsync(staff, HttpMethod.Post, $"/v1/enrolments/{enrolmentId}:end", new
        {
            etag = enrolment["etag"]!.GetValue<string>(), endDate = Date(End), reasons = new[] { "arbete-deltid" },
            sysselsattningAtEnd = "subventionerat-arbete", forsorjningAtEnd = new[] { "lon" },
        });

        // Not an administrator: refused, whatever the call.
        var deniedRule = await ErrorAsync(staff, HttpMethod.Put, $"/v1/gallring/rules/{insatsId}", new { yearsAfterLastEnd = 1 }, HttpStatusCode.Forbidden);
        Assert.Equal("ROLE_NOT_ALLOWED", Reason(deniedRule));
        await ErrorAsync(staff, HttpMethod.Post, "/v1/gallring:dryRun", new { }, HttpStatusCode.Forbidden);

        // The rule: one year after the last end.
        var rule = await SendAsync(admin, HttpMethod.Put, $"/v1/gallring/rules/{insatsId}", new { yearsAfterLastEnd = 1 });
        Assert.Equal((insatsId, 1), (rule["insatsId"]!.GetValue<string>(), rule["yearsAfterLastEnd"]!.GetValue<int>()));
        var rules = await SendAsync(admin, HttpMethod.Get, "/v1/gallring/rules", null);
        Assert.Contains(rules["rules"]!.AsArray(), r => r!["insatsId"]!.GetValue<string>() == insatsId);

        // The dry run lists her: last end 28 June 2019, due one year later. Nothing is removed yet.
        var dryRun = await SendAsync(admin, HttpMethod.Post, "/v1/gallring:dryRun", new { });
        var runId = dryRun["runId"]!.GetValue<string>();
        var candidate = Assert.Single(dryRun["candidates"]!.AsArray(), c => c!["participantId"]!.GetValue<string>() == participantId)!;
        Assert.Equal(End, ToDate(candidate["lastEnd"]!));
        Assert.Equal(End.AddYears(1), ToDate(candidate["dueOn"]!));
        Assert.Equal([insatsId], candidate["insatser"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(dryRun["executedAt"]);
        var identity = await SendAsync(staff, HttpMethod.Get, $"/v1/participants/{participantId}/identity", null);
        Assert.Equal("Sjöberg", identity["familyName"]!.GetValue<string>());

        // Executed by a non-administrator: refused. By the administrator: she is removed.
        await ErrorAsync(staff, HttpMethod.Post, "/v1/gallring:execute", new { dryRunId = runId }, HttpStatusCode.Forbidden);
        var executed = await SendAsync(admin, HttpMethod.Post, "/v1/gallring:execute", new { dryRunId = runId });
        Assert.Contains(participantId, executed["removed"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.NotNull(executed["executedAt"]);
        var twice = await ErrorAsync(admin, HttpMethod.Post, "/v1/gallring:execute", new { dryRunId = runId }, HttpStatusCode.BadRequest);
        Assert.Equal((9, "GALLRING_ALREADY_EXECUTED"), (twice["code"]!.GetValue<int>(), Reason(twice)));

        // The identity is gone, even for the one who registered her; her number finds nobody.
        var removed = await ErrorAsync(staff, HttpMethod.Get, $"/v1/participants/{participantId}/identity", null, HttpStatusCode.BadRequest);
        Assert.Equal((9, "IDENTITY_REMOVED"), (removed["code"]!.GetValue<int>(), Reason(removed)));
        var search = await SendAsync(staff, HttpMethod.Post, "/v1/participants:search", new { personnummer });
        Assert.Empty(search["participants"]?.AsArray() ?? new JsonArray());

        // The stay is still there with its dates and codes; the contact person is not.
        var stay = await SendAsync(staff, HttpMethod.Get, $"/v1/enrolments/{enrolmentId}", null);
        Assert.Equal(Start, ToDate(stay["startDate"]!));
        Assert.Equal(End, ToDate(stay["ending"]!["endDate"]!));
        Assert.Equal(["sjukpenning", "forsorjningsstod"], Strings(stay["forsorjningAtStart"]));
        Assert.Equal(("sjukskriven", "gymnasium", 3), (stay["sysselsattningAtStart"]!.GetValue<string>(), stay["educationLevel"]!.GetValue<string>(), stay["yearsInSupport"]!.GetValue<int>()));
        Assert.Equal(["arbete-deltid"], Strings(stay["ending"]!["reasons"]));
        Assert.Equal(["lon"], Strings(stay["ending"]!["forsorjningAtEnd"]));
        Assert.Equal("subventionerat-arbete", stay["ending"]!["sysselsattningAtEnd"]!.GetValue<string>());
        Assert.Equal(("GENDER_WOMAN", "35-39"), (stay["gender"]!.GetValue<string>(), stay["ageBand"]!.GetValue<string>()));
        Assert.Empty(Strings(stay["contactPersons"]));
    }

    private async Task<string> DefineInsatsAsync()
    {
        var insats = await SendAsync(system.AdminRest, HttpMethod.Post, "/v1/activities/insatser", new
        {
            requestId = Guid.NewGuid(), name = $"Gallras efter ett år {Guid.NewGuid():N}", kind = "INSATS_KIND_INDIVIDUAL", budgetedPlaces = 10, planDeadlineDays = 28,
        });
        return insats["insatsId"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var response = await RequestAsync(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> ErrorAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var response = await RequestAsync(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static string? Reason(JsonNode error) =>
        error["details"]!.AsArray().Select(d => d!["reason"]?.GetValue<string>()).FirstOrDefault(r => r is not null);

    private static List<string> Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    private static DateOnly ToDate(JsonNode date) => new(date["year"]!.GetValue<int>(), date["month"]!.GetValue<int>(), date["day"]!.GetValue<int>());
}
