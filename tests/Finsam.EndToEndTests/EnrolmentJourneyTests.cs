using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Finsam.Platform.Security;
using Finsam.Protos.Participants.V1;
using Finsam.Testing;
using Google.Rpc;
using Grpc.Core;
using ProtoDate = Google.Type.Date;

namespace Finsam.EndToEndTests;

/// <summary>
/// One person's whole stay through the gateway over REST — define the insats, register, consent, start,
/// kartläggning, plan and its correction, assessments, self-assessments at start and end, avslut, a corrected
/// end, follow-up and the history — and an anonymous stay over native gRPC.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EnrolmentJourneyTests(FinsamSystem system)
{
    private static readonly string[] LivshjulAreas = ["resurser", "mat", "somn", "stress", "vardagsrutiner", "halsa-motion", "fritid", "min-utveckling"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Stockholm"));

    private static object Date(DateOnly day) => new { year = day.Year, month = day.Month, day = day.Day };

    [Fact]
    public async Task Identified_person_goes_through_the_whole_stay_over_rest()
    {
        var start = Today.AddDays(-60);
        var insatsId = await DefineInsatsAsync();
        using var staff = system.RestAs(system.Token(Roles.Samordnare, $"journey-{Guid.NewGuid():N}", insatser: [insatsId]));

        // Register.
        var participant = await PostAsync(staff, "/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(1988), givenName = "Maria", familyName = "Holm", gender = "GENDER_WOMAN",
        });
        system.CountRegistration();
        var participantId = participant["participantId"]!.GetValue<string>();

        var startRequest = new
        {
            requestId = Guid.NewGuid(),
            insatsId,
            participantId,
            startDate = Date(start),
            contactPersons = new[] { "Karin Berg" },
            forsorjningAtStart = new[] { "sjukpenning", "forsorjningsstod" },
            sysselsattningAtStart = "sjukskriven",
            educationLevel = "gymnasium",
            yearsInSupport = 3,
        };

        // No consent yet: refused, naming the missing samtycke.
        var refused = await ErrorAsync(staff, "/v1/enrolments", startRequest, HttpStatusCode.BadRequest);
        Assert.Equal(9, refused["code"]!.GetValue<int>());
        Assert.Contains("Samtycke saknas", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("CONSENT_REQUIRED", Reason(refused));

        await PostAsync(staff, $"/v1/participants/{participantId}/consents", new { agencies = new[] { "kommun", "fk" }, givenOn = Date(start) });

        // Start.
        var enrolment = await PostAsync(staff, "/v1/enrolments", startRequest);
        var enrolmentId = enrolment["enrolmentId"]!.GetValue<string>();
        Assert.Equal(participantId, enrolment["participantId"]!.GetValue<string>());
        Assert.Equal(28, enrolment["planDeadlineDays"]!.GetValue<int>());
        Assert.Equal(start.AddDays(28), ToDate(enrolment["planDueOn"]!));
        Assert.Equal(["sjukpenning", "forsorjningsstod"], Strings(enrolment["forsorjningAtStart"]));
        var again = await ErrorAsync(staff, "/v1/enrolments", startRequest with { requestId = Guid.NewGuid() }, HttpStatusCode.Conflict);
        Assert.Equal("ENROLMENT_ALREADY_ACTIVE", Reason(again));

        // Kartläggning, plan, a staff assessment, the livshjul at start and at end.
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}:recordKartlaggning", new
        {
            etag = Etag(enrolment), date = Date(start.AddDays(5)), areas = new[] { "bakgrund", "hälsa", "arbetssituation" },
        });
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}/plans", new
        {
            etag = Etag(enrolment),
            recordedOn = Date(start.AddDays(10)),
            goalKind = "work",
            huvudmal = "Arbete på deltid",
            delmal = new[] { "Arbetsträning två dagar i veckan" },
            strategies = new[] { "Fasta rutiner" },
            reviewDate = Date(start.AddDays(70)),
        });
        Assert.True(enrolment["plans"]![0]!["withinDeadline"]!.GetValue<bool>());

        // The plan is corrected, not overwritten: a reason is required, a stale etag loses, and fields not sent keep their value.
        var planId = enrolment["plans"]![0]!["planId"]!.GetValue<string>();
        var planPath = $"/v1/enrolments/{enrolmentId}/plans/{planId}:correct";
        var noReason = await ErrorAsync(staff, planPath, new { etag = Etag(enrolment), huvudmal = "Arbete på heltid" }, HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Violations(noReason));
        var beforePlanCorrection = Etag(enrolment);
        enrolment = await PostAsync(staff, planPath, new
        {
            etag = Etag(enrolment), huvudmal = "Arbete på heltid", reviewDate = Date(start.AddDays(80)), reason = "Fel huvudmål",
        });
        var correctedPlan = Assert.Single(enrolment["plans"]!.AsArray())!;
        Assert.Equal((planId, "Arbete på heltid"), (correctedPlan["planId"]!.GetValue<string>(), correctedPlan["huvudmal"]!.GetValue<string>()));
        Assert.Equal(start.AddDays(80), ToDate(correctedPlan["reviewDate"]!));
        Assert.Equal(["Arbetsträning två dagar i veckan"], Strings(correctedPlan["delmal"]));
        var stalePlan = await ErrorAsync(staff, planPath, new { etag = beforePlanCorrection, huvudmal = "Studier", reason = "Fel huvudmål" }, HttpStatusCode.Conflict);
        Assert.Equal(10, stalePlan["code"]!.GetValue<int>());
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}/assessments", new
        {
            etag = Etag(enrolment), instrument = "DOA", instrumentVersion = "2", scale = "1-4", assessedOn = Date(start.AddDays(12)), result = "3",
        });
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}/self-assessments", new
        {
            etag = Etag(enrolment), instrument = "livshjul", phase = "start", assessedOn = Date(start.AddDays(1)),
            scores = LivshjulAreas.ToDictionary(a => a, _ => 2),
        });
        var badScore = await ErrorAsync(staff, $"/v1/enrolments/{enrolmentId}/self-assessments", new
        {
            etag = Etag(enrolment), instrument = "livshjul", phase = "end", assessedOn = Date(Today.AddDays(-12)),
            scores = new Dictionary<string, int> { ["mat"] = 9 },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["scores[mat]"], Violations(badScore));
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}/self-assessments", new
        {
            etag = Etag(enrolment), instrument = "livshjul", phase = "end", assessedOn = Date(Today.AddDays(-12)),
            scores = LivshjulAreas.ToDictionary(a => a, a => a is "mat" or "somn" or "stress" or "fritid" ? 4 : 2),
        });
        var change = await GetAsync(staff, $"/v1/enrolments/{enrolmentId}/self-assessment-change");
        Assert.Equal(4, change["improvedAreas"]!.GetValue<int>());
        Assert.Equal(8, change["comparedAreas"]!.GetValue<int>());

        // Avslut; a stale etag and a second end are refused.
        var staleEtag = Etag(enrolment);
        var endRequest = new
        {
            etag = staleEtag, endDate = Date(Today.AddDays(-10)), reasons = new[] { "arbete-deltid" },
            sysselsattningAtEnd = "subventionerat-arbete", forsorjningAtEnd = new[] { "lon", "forsorjningsstod" },
        };
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}:end", endRequest);
        Assert.True(enrolment["ended"]!.GetValue<bool>());
        var stale = await ErrorAsync(staff, $"/v1/enrolments/{enrolmentId}:end", endRequest, HttpStatusCode.Conflict);
        Assert.Equal(10, stale["code"]!.GetValue<int>());
        var endedTwice = await ErrorAsync(staff, $"/v1/enrolments/{enrolmentId}:end", endRequest with { etag = Etag(enrolment) }, HttpStatusCode.BadRequest);
        Assert.Equal("ENROLMENT_ALREADY_ENDED", Reason(endedTwice));

        // The end is corrected, a follow-up contact recorded, and the history keeps what was there before.
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}:correctEnd", new
        {
            etag = Etag(enrolment), endDate = Date(Today.AddDays(-11)), reasons = new[] { "arbete-heltid" }, reason = "Fel avslutsorsak",
        });
        Assert.Equal(["arbete-heltid"], Strings(enrolment["ending"]!["reasons"]));
        var tooLate = await ErrorAsync(staff, $"/v1/enrolments/{enrolmentId}/follow-ups", new
        {
            etag = Etag(enrolment), contactOn = Date(Today.AddDays(-11)), note = "Samma dag som avslutet",
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["contact_on"], Violations(tooLate));
        enrolment = await PostAsync(staff, $"/v1/enrolments/{enrolmentId}/follow-ups", new
        {
            etag = Etag(enrolment), contactOn = Date(Today.AddDays(-3)), note = "Trivs på jobbet",
        });
        Assert.Single(enrolment["followUps"]!.AsArray());

        var history = await GetAsync(staff, $"/v1/enrolments/{enrolmentId}/history");
        var corrections = history["corrections"]!.AsArray()
            .Select(c => (c!["field"]!.GetValue<string>(), c["oldValue"]!.GetValue<string>(), c["newValue"]!.GetValue<string>()))
            .ToList();
        Assert.Equal(
            [
                ($"plans[{planId}].huvudmal", "Arbete på deltid", "Arbete på heltid"),
                ($"plans[{planId}].review_date", Iso(start.AddDays(70)), Iso(start.AddDays(80))),
                ("end_date", Iso(Today.AddDays(-10)), Iso(Today.AddDays(-11))),
                ("reasons", "arbete-deltid", "arbete-heltid"),
            ],
            corrections);
        Assert.Equal(
            ["Fel huvudmål", "Fel huvudmål", "Fel avslutsorsak", "Fel avslutsorsak"],
            history["corrections"]!.AsArray().Select(c => c!["reason"]!.GetValue<string>()));

        var stays = await GetAsync(staff, $"/v1/participants/{participantId}/enrolments");
        var stay = Assert.Single(stays["enrolments"]!.AsArray());
        Assert.Equal(enrolmentId, stay!["enrolmentId"]!.GetValue<string>());
        Assert.Single(stay["kartlaggningar"]!.AsArray());
        Assert.Single(stay["assessments"]!.AsArray());
        Assert.Equal(2, stay["selfAssessments"]!.AsArray().Count);

        // Someone outside the insats sees nothing.
        using var outsider = system.RestAs(system.Token(Roles.Samordnare, insatser: ["another-insats"]));
        using var denied = await outsider.GetAsync($"/v1/enrolments/{enrolmentId}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Anonymous_stay_over_native_grpc()
    {
        var insatsId = await DefineInsatsAsync();
        using var channel = system.GrpcAs(system.Token(Roles.Deltagaransvarig, insatser: [insatsId]));
        var enrolments = new EnrolmentsService.EnrolmentsServiceClient(channel);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20));
        var startDate = Today.AddDays(-30);

        // Gender and age band only: a referral, contact persons or background facts could lead back to the person.
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await enrolments.StartEnrolmentAsync(new StartEnrolmentRequest
        {
            InsatsId = insatsId,
            Anonymous = new AnonymousPerson { Gender = Gender.Woman, AgeBand = "25-35" },
            StartDate = ProtoDate(startDate),
            ReferralId = Guid.NewGuid().ToString(),
            ContactPersons = { "Karin Berg" },
            YearsInSupport = 2,
        }, options));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(
            ["anonymous.age_band", "contact_persons", "referral_id", "years_in_support"],
            invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));

        var started = await enrolments.StartEnrolmentAsync(new StartEnrolmentRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            InsatsId = insatsId,
            Anonymous = new AnonymousPerson { Gender = Gender.Woman, AgeBand = "25-29" },
            StartDate = ProtoDate(startDate),
        }, options);
        Assert.True(started.Anonymous);
        Assert.True(started.AnonymousDownstream);
        Assert.Equal("", started.ParticipantId);
        Assert.Equal("25-29", started.AgeBand);

        var read = await enrolments.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = started.EnrolmentId }, options);
        Assert.Equal(Gender.Woman, read.Gender);
        Assert.Equal(started.Etag, read.Etag);

        var ended = await enrolments.EndEnrolmentAsync(new EndEnrolmentRequest
        {
            EnrolmentId = started.EnrolmentId,
            Etag = read.Etag,
            EndDate = ProtoDate(Today),
            Reasons = { "utan-matning" },
            SysselsattningAtEnd = "ovrigt",
            ForsorjningAtEnd = { "annat" },
        }, options);
        Assert.True(ended.Ended);
        Assert.Equal(["utan-matning"], ended.Ending.Reasons);

        var stale = await Assert.ThrowsAsync<RpcException>(async () => await enrolments.RecordFollowUpAsync(new RecordFollowUpRequest
        {
            EnrolmentId = started.EnrolmentId, Etag = read.Etag, ContactOn = ProtoDate(Today),
        }, options));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    private async Task<string> DefineInsatsAsync()
    {
        var insats = await PostAsync(system.AdminRest, "/v1/activities/insatser", new
        {
            requestId = Guid.NewGuid(), name = $"Steg vidare {Guid.NewGuid():N}", kind = "INSATS_KIND_INDIVIDUAL", budgetedPlaces = 20, planDeadlineDays = 28,
        });
        return insats["insatsId"]!.GetValue<string>();
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> ErrorAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Etag(JsonNode resource) => resource["etag"]!.GetValue<string>();

    private static string? Reason(JsonNode error) =>
        error["details"]!.AsArray().Select(d => d!["reason"]?.GetValue<string>()).FirstOrDefault(r => r is not null);

    private static List<string> Violations(JsonNode error) =>
        error["details"]!.AsArray()
            .Where(d => d!["fieldViolations"] is not null)
            .SelectMany(d => d!["fieldViolations"]!.AsArray().Select(v => v!["field"]!.GetValue<string>()))
            .ToList();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static DateOnly ToDate(JsonNode date) => new(date["year"]!.GetValue<int>(), date["month"]!.GetValue<int>(), date["day"]!.GetValue<int>());

    private static ProtoDate ProtoDate(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
