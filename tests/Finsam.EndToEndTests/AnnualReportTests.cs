using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Finsam.Platform.Security;
using Finsam.Protos.Reporting.V1;
using Finsam.Testing;
using Grpc.Core;

namespace Finsam.EndToEndTests;

/// <summary>
/// The annual report through the gateway, from a hand-built history made with the participants' own API: five people
/// and six stays in one insats across two years (a person back for a second stay, an anonymous stay, a stay ending on
/// 31 December), read as the förbundschef (exact) and an analytiker (protected); bad input; a freeze, a correction after
/// it and the diff; the exports and their log; the Uppföljning Finsam counts; the same report over native gRPC.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AnnualReportTests(FinsamSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Stockholm"));

    /// <summary>Last year: whole, in the past, so it can be frozen whatever day the test runs.</summary>
    private static int Y => Today.Year - 1;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_year_report_counts_a_hand_built_history_and_is_frozen_corrected_diffed_and_exported()
    {
        var insatsId = await DefineInsatsAsync();
        using var staff = system.RestAs(system.Token(Roles.Samordnare, $"report-{Guid.NewGuid():N}", insatser: [insatsId]));

        // P1, a woman: from November the year before to 31 March (to work), back on 1 October with new consent.
        var p1 = await RegisterAsync(staff, 1985, "GENDER_WOMAN");
        await ConsentAsync(staff, p1, D(Y - 1, 10, 15));
        var e1 = await StartAsync(staff, insatsId, p1, D(Y - 1, 11, 1), ["sjukpenning"], "sjukskriven");
        await EndAsync(staff, e1, D(Y, 3, 31), ["arbete-heltid"], "ej-subventionerat-arbete", ["lon"]);
        await ConsentAsync(staff, p1, D(Y, 9, 20));
        await StartAsync(staff, insatsId, p1, D(Y, 10, 1), ["forsorjningsstod"], "arbetslos");

        // P2, a man: 1 February to 31 December (to studies) — ended in the year, not active at its end.
        var p2 = await RegisterAsync(staff, 1990, "GENDER_MAN");
        await ConsentAsync(staff, p2, D(Y, 1, 20));
        var e2 = await StartAsync(staff, insatsId, p2, D(Y, 2, 1), ["forsorjningsstod"], "arbetslos");
        await EndAsync(staff, e2, D(Y, 12, 31), ["studier"], "studier", ["annat"]);

        // P3, a woman, from 10 May, still enrolled. P4, a woman, June to September, stopped coming.
        var p3 = await RegisterAsync(staff, 1978, "GENDER_WOMAN");
        await ConsentAsync(staff, p3, D(Y, 5, 1));
        await StartAsync(staff, insatsId, p3, D(Y, 5, 10), ["a-kassa"], "arbetslos");
        var p4 = await RegisterAsync(staff, 1995, "GENDER_WOMAN");
        await ConsentAsync(staff, p4, D(Y, 5, 20));
        var e4 = await StartAsync(staff, insatsId, p4, D(Y, 6, 1), ["forsorjningsstod"], "arbetslos");
        await EndAsync(staff, e4, D(Y, 9, 30), ["utan-matning"], "arbetslos", ["forsorjningsstod"]);

        // An anonymous woman, April to August.
        var anonymous = await staff.PostOkAsync("/v1/enrolments", new
        {
            requestId = Guid.NewGuid(), insatsId, anonymous = new { gender = "GENDER_WOMAN", ageBand = "25-29" }, startDate = RestJson.Date(D(Y, 4, 1)),
        });
        await EndAsync(staff, anonymous["enrolmentId"]!.GetValue<string>(), D(Y, 8, 31), ["ovrigt"], "ovrigt", ["annat"]);

        using var chef = system.RestAs(system.Token(Roles.Forbundschef, $"chef-{Guid.NewGuid():N}"));
        var path = $"/v1/reports/annual/{insatsId}?year={Y}";
        var report = await Eventually.ReturnsAsync(
            () => chef.GetOkAsync(path),
            r => Int(r["flows"]!["current"]!["active"]!["enrolments"]) == 6 && Int(r["flows"]!["current"]!["ended"]!["enrolments"]) == 4
                && Int(r["results"]!["ended"]) == 3,
            TimeSpan.FromSeconds(30),
            "reporting should have every stay of the history");

        // Flows, per enrolment and as persons; 31 December's ending is ended, not active at the year's end.
        var current = report["flows"]!["current"]!;
        Assert.Equal((6, 5), Flow(current["active"]));
        Assert.Equal((5, 5), Flow(current["started"]));
        Assert.Equal((4, 4), Flow(current["ended"]));
        Assert.Equal((2, 2), Flow(current["activeAtYearEnd"]));
        var previous = report["flows"]!["previousYear"]!;
        Assert.Equal((1, 1), Flow(previous["active"]));
        Assert.Equal((0, 0), Flow(previous["ended"]));
        Assert.Equal((1, 1), Flow(previous["activeAtYearEnd"]));
        Assert.Equal(12, Int(report["flows"]!["budgetedPlaces"]));
        Assert.Equal(insatsId, report["scope"]!["insatsId"]!.GetValue<string>());
        Assert.True(report["scope"]!["isCalendarYear"]!.GetValue<bool>());
        Assert.Equal($"{Y - 1}-11-01", report["scope"]!["dataFrom"]!.GetValue<string>()); // the previous year's zeros before it mean "not recorded"
        Assert.False(report["scope"]!["preliminary"]?.GetValue<bool>() ?? false);

        // The anonymous stay is in the totals and out of the statistics; results are among the three others ended.
        Assert.Equal((4, 1, 3), (Int(report["anonymous"]!["endedTotal"]), Int(report["anonymous"]!["endedAnonymous"]), Int(report["anonymous"]!["endedInStatistics"])));
        var results = report["results"]!;
        Assert.Equal((1, 1), (Int(results["toWork"]!["total"]), Int(results["toWork"]!["women"])));
        Assert.Equal((1, 2), (Int(results["toStudies"]), Int(results["toWorkOrStudies"])));
        Assert.Equal(66.7, results["workOrStudiesPercent"]!.GetValue<double>());
        Assert.Equal((40, true), (Int(results["targetPercent"]), results["meetsTarget"]!.GetValue<bool>()));
        Assert.False(report["protection"]!["applied"]?.GetValue<bool>() ?? false);

        // An analytiker sees it protected: 1–4 hidden and listed, never shown as 0.
        using var analytiker = system.RestAs(system.Token(Roles.Analytiker, $"analytiker-{Guid.NewGuid():N}"));
        var open = await analytiker.GetOkAsync(path);
        Assert.True(open["protection"]!["applied"]!.GetValue<bool>());
        Assert.Null(open["flows"]!["current"]!["ended"]!["enrolments"]);
        var hidden = open["protection"]!["suppressed"]!.AsArray().ToDictionary(s => s!["path"]!.GetValue<string>(), s => s!["shownAs"]!.GetValue<string>());
        Assert.Equal("<5", hidden["flows.current.ended.enrolments"]);
        Assert.Equal("<5", hidden["results.ended"]);

        // 6 active = 1 anonymous ("<5") + 5 in the statistics (".."): shown, the 6 would pin the anonymous one to 1,
        // so it is hidden too, and with it the flows' 6 active enrolments and the persons beside them.
        Assert.Equal("<5", hidden["anonymous.activeAnonymous"]);
        Assert.Equal("..", hidden["anonymous.activeTotal"]);
        Assert.Equal("..", hidden["flows.current.active.enrolments"]);
        Assert.Equal("..", hidden["flows.current.active.persons"]);
        Assert.Equal("<5", hidden["flows.previousYear.active.enrolments"]);
        var exactRefused = await analytiker.SendErrorAsync(HttpMethod.Get, path + "&view=REPORT_VIEW_EXACT", null, HttpStatusCode.Forbidden);
        Assert.Equal("EXACT_VIEW_NOT_ALLOWED", RestJson.Reason(exactRefused));

        // Bad input names the field; a role without reports is refused.
        Assert.Equal(["year"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{insatsId}?year=1800", null, HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{insatsId}?year={Today.Year + 1}", null, HttpStatusCode.BadRequest)));
        Assert.Equal(["from"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{insatsId}?from={Y}-13-01&to={Y}-12-31", null, HttpStatusCode.BadRequest)));
        Assert.Equal(["insats_id"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{Guid.NewGuid()}?year={Y}", null, HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{insatsId}", null, HttpStatusCode.BadRequest)));
        using var leader = system.RestAs(system.Token(Roles.Gruppledare, $"ledare-{Guid.NewGuid():N}"));
        await leader.SendErrorAsync(HttpMethod.Get, path, null, HttpStatusCode.Forbidden);
        using var anonymousCaller = new HttpClient { BaseAddress = system.Rest.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymousCaller.GetAsync(path, Ct)).StatusCode);

        // A project period across the two years reads "active at the period's end" and compares with the period before.
        var period = await chef.GetOkAsync($"/v1/reports/annual/{insatsId}?from={Y - 1}-10-01&to={Y}-06-30");
        Assert.Equal((4, 4), Flow(period["flows"]!["current"]!["activeAtPeriodEnd"])); // P2, P3, P4 and the anonymous run on; P1 ended 31 Mar
        Assert.NotNull(period["flows"]!["previousPeriod"]);
        Assert.Null(period["flows"]!["current"]!["activeAtYearEnd"]);

        // Freeze the approved year; a second freeze is refused; a later correction changes the current report only.
        var frozen = await chef.PostOkAsync("/v1/reports/frozen", new { insatsId, year = Y });
        var frozenId = frozen["frozenReportId"]!.GetValue<string>();
        Assert.Equal("REPORT_ALREADY_FROZEN", RestJson.Reason(await chef.SendErrorAsync(HttpMethod.Post, "/v1/reports/frozen", new { insatsId, year = Y }, HttpStatusCode.Conflict)));
        await analytiker.SendErrorAsync(HttpMethod.Post, "/v1/reports/frozen", new { insatsId, year = Y - 1 }, HttpStatusCode.Forbidden);

        var e4Now = await staff.GetOkAsync($"/v1/enrolments/{e4}");
        await staff.PostOkAsync($"/v1/enrolments/{e4}:correctEnd", new
        {
            etag = RestJson.Etag(e4Now), endDate = RestJson.Date(D(Y, 9, 30)), reasons = new[] { "arbete-deltid" },
            sysselsattningAtEnd = "subventionerat-arbete", forsorjningAtEnd = new[] { "lon" }, reason = "Fel avslutsorsak",
        });
        await Eventually.ReturnsAsync(
            () => chef.GetOkAsync(path),
            r => Int(r["results"]!["toWork"]!["total"]) == 2,
            TimeSpan.FromSeconds(30),
            "the corrected ending should reach the current report");
        var diff = await chef.GetOkAsync($"/v1/reports/frozen/{frozenId}:diff");
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>(), c => (c!["frozen"]!.GetValue<string>(), c!["current"]!.GetValue<string>()));
        Assert.Equal(("1", "2"), changes["results.toWork.total"]);
        Assert.Equal(("2", "3"), changes["results.toWorkOrStudies"]);
        Assert.DoesNotContain("flows.current.active.enrolments", changes.Keys);
        var stillFrozen = await chef.GetOkAsync($"/v1/reports/frozen/{frozenId}");
        Assert.Equal(1, Int(stillFrozen["report"]!["results"]!["toWork"]!["total"]));

        // Exports: CSV for Swedish Excel, HTML with charts, anonymised rows — each in the export log.
        using var csv = await chef.GetAsync($"/v1/reports/annual/{insatsId}:export?year={Y}&format=EXPORT_FORMAT_CSV&table=resultat", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvText = Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.Contains(";", csvText, StringComparison.Ordinal);
        Assert.Contains("100", csvText, StringComparison.Ordinal); // 3 of 3 to work or studies after the correction
        using var html = await chef.GetAsync($"/v1/reports/annual/{insatsId}:export?year={Y}&format=EXPORT_FORMAT_HTML", Ct);
        var htmlText = await html.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("text/html", html.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("<svg", htmlText, StringComparison.Ordinal);
        Assert.Contains("lang=\"sv\"", htmlText, StringComparison.Ordinal);
        Assert.Equal(["format"], RestJson.Violations(await chef.SendErrorAsync(HttpMethod.Get, $"/v1/reports/annual/{insatsId}:export?year={Y}", null, HttpStatusCode.BadRequest)));

        using var rows = await chef.GetAsync($"/v1/reports/participant-rows?year={Y}&insatsId={insatsId}", Ct);
        var rowLines = Encoding.UTF8.GetString((await rows.Content.ReadAsByteArrayAsync(Ct))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("insats_id;kon;aldersgrupp", rowLines[0], StringComparison.Ordinal);
        Assert.Equal(5, rowLines.Length - 1); // the five identified stays active in the year; not the anonymous one
        Assert.DoesNotContain(rowLines, line => line.Contains(p1, StringComparison.Ordinal) || line.Contains(e1, StringComparison.Ordinal));
        await analytiker.SendErrorAsync(HttpMethod.Get, $"/v1/reports/participant-rows?year={Y}", null, HttpStatusCode.Forbidden);

        var log = await chef.GetOkAsync("/v1/reports/exports?pageSize=50");
        var mine = log["exports"]!.AsArray().Where(e => e!["insatsId"]?.GetValue<string>() == insatsId).Select(e => e!["what"]!.GetValue<string>()).ToList();
        Assert.Equal(["participant-rows.csv", "annual-report.html", "annual-report.csv"], mine.Take(3));

        // Uppföljning Finsam: participants of the insats by gender (unique persons; the anonymous woman is her own).
        var uppfoljning = await chef.GetOkAsync($"/v1/reports/uppfoljning-finsam?year={Y}");
        var row = uppfoljning["insatser"]!.AsArray().Single(r => r!["insatsId"]!.GetValue<string>() == insatsId)!;
        Assert.Equal((4, 1, 5), (Int(row["participants"]!["women"]), Int(row["participants"]!["men"]), Int(row["participants"]!["total"])));
        Assert.True(row["individual"]!.GetValue<bool>());

        // A rebuild of every read model from the journal gives the same report (administratör only).
        var before = await chef.GetOkAsync(path);
        await chef.SendErrorAsync(HttpMethod.Post, "/v1/reports/read-models:rebuild", new { }, HttpStatusCode.Forbidden);
        var rebuilt = await system.AdminRest.PostOkAsync("/v1/reports/read-models:rebuild", new { });
        Assert.True(long.Parse(rebuilt["events"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 15); // int64: a number or a string in JSON
        var after = await chef.GetOkAsync(path);
        Assert.Equal(WithoutAsOf(before), WithoutAsOf(after));

        // The same report over native gRPC through the gateway.
        using var channel = system.GrpcAs(system.Token(Roles.Forbundschef, $"chef-grpc-{Guid.NewGuid():N}"));
        var client = new ReportingService.ReportingServiceClient(channel);
        var overGrpc = await client.GetAnnualReportAsync(new GetAnnualReportRequest { InsatsId = insatsId, Year = Y }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)));
        Assert.Equal(6, overGrpc.Flows.Current.Active.Enrolments);
        Assert.Equal(2, overGrpc.Results.ToWork.Total);
        var badYear = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetAnnualReportAsync(new GetAnnualReportRequest { InsatsId = insatsId, Year = 1800 }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20))));
        Assert.Equal(StatusCode.InvalidArgument, badYear.StatusCode);
    }

    /// <summary>The report's JSON without the journal position it rests on, which other tests' events move on.</summary>
    private static string WithoutAsOf(JsonNode report)
    {
        var copy = report.DeepClone();
        copy["scope"]!.AsObject().Remove("asOfSequence");
        return copy.ToJsonString();
    }

    private static (int Enrolments, int Persons) Flow(JsonNode? flow) => (Int(flow?["enrolments"]), Int(flow?["persons"]));

    private static int Int(JsonNode? node) => node?.GetValue<int>() ?? -1;

    private async Task<string> DefineInsatsAsync()
    {
        var insats = await system.AdminRest.PostOkAsync("/v1/activities/insatser", new
        {
            requestId = Guid.NewGuid(),
            name = $"Rapportinsats {Guid.NewGuid():N}",
            kind = "INSATS_KIND_INDIVIDUAL",
            budgetedPlaces = 12,
            planDeadlineDays = 28,
            outcomeTargets = new { workOrStudiesPercent = 40 },
        });
        return insats["insatsId"]!.GetValue<string>();
    }

    private async Task<string> RegisterAsync(HttpClient staff, int birthYear, string gender)
    {
        var participant = await staff.PostOkAsync("/v1/participants", new
        {
            personnummer = TestPersonnummer.Next(birthYear), givenName = "Test", familyName = "Rapport", gender,
        });
        system.CountRegistration();
        return participant["participantId"]!.GetValue<string>();
    }

    private static Task ConsentAsync(HttpClient staff, string participantId, DateOnly givenOn) =>
        staff.PostOkAsync($"/v1/participants/{participantId}/consents", new { agencies = new[] { "kommun", "fk" }, givenOn = RestJson.Date(givenOn) });

    private static async Task<string> StartAsync(HttpClient staff, string insatsId, string participantId, DateOnly start, string[] forsorjning, string sysselsattning)
    {
        var enrolment = await staff.PostOkAsync("/v1/enrolments", new
        {
            requestId = Guid.NewGuid(),
            insatsId,
            participantId,
            startDate = RestJson.Date(start),
            contactPersons = new[] { "Karin Berg" },
            forsorjningAtStart = forsorjning,
            sysselsattningAtStart = sysselsattning,
            educationLevel = "gymnasium",
            yearsInSupport = 2,
        });
        return enrolment["enrolmentId"]!.GetValue<string>();
    }

    private static async Task EndAsync(HttpClient staff, string enrolmentId, DateOnly end, string[] reasons, string sysselsattning, string[] forsorjning)
    {
        var enrolment = await staff.GetOkAsync($"/v1/enrolments/{enrolmentId}");
        await staff.PostOkAsync($"/v1/enrolments/{enrolmentId}:end", new
        {
            etag = RestJson.Etag(enrolment),
            endDate = RestJson.Date(end),
            reasons,
            sysselsattningAtEnd = sysselsattning,
            forsorjningAtEnd = forsorjning,
        });
    }
}
