using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Domain;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Domain.Leaders;
using Finsam.Activities.Infrastructure.Groups;
using Finsam.IntegrationEvents;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Groups;

/// <summary>
/// The harness with what groups are scheduled from: a group-course insats and a second one, a structural insats,
/// the Mitt Val, ReDO and Hälsoskolan formats, and registered leaders. Insatser and formats are stored through
/// their ports here, the one place that knows their constructors.
/// </summary>
public sealed class GroupTestBed : IAsyncDisposable
{
    public const string Qualification = "redo-certifierad-arbetsterapeut";

    public static readonly DateOnly MittValStart = new(2026, 5, 12);

    private GroupTestBed(ActivitiesHarness harness) => Harness = harness;

    public ActivitiesHarness Harness { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string InsatsId { get; } = Insats.NewId();

    public string OtherInsatsId { get; } = Insats.NewId();

    public string StructuralInsatsId { get; } = Insats.NewId();

    public string MittValFormatId { get; } = CourseFormat.NewId();

    public string RedoFormatId { get; } = CourseFormat.NewId();

    public string HalsoskolanFormatId { get; } = CourseFormat.NewId();

    public static IReadOnlyList<string> MittValThemes { get; } =
        ["Välkommen", "Mina styrkor", "Arbetsmarknaden", "Hälsa och arbete", "Studier", "Mina mål", "Nästa steg", "Avslutning"];

    public Caller Admin { get; } = ActivitiesHarness.As(Roles.Administrator, "admin-1");

    public Caller Insatsansvarig => ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1", null, InsatsId);

    public Caller OtherInsatsansvarig => ActivitiesHarness.As(Roles.Insatsansvarig, "ia-2", null, OtherInsatsId);

    public Caller Samordnare => ActivitiesHarness.As(Roles.Samordnare, "sam-1", null, InsatsId);

    public Caller LeaderFk { get; } = ActivitiesHarness.As(Roles.Gruppledare, "gl-fk", "fk");

    public Caller LeaderAf { get; } = ActivitiesHarness.As(Roles.Gruppledare, "gl-af", "af");

    public Caller LeaderOt { get; } = ActivitiesHarness.As(Roles.Gruppledare, "gl-ot", "region");

    public IGroupRepository Groups => Harness.Get<IGroupRepository>();

    public static async Task<GroupTestBed> StartAsync()
    {
        var bed = new GroupTestBed(await ActivitiesHarness.StartAsync());
        await bed.SeedAsync();
        return bed;
    }

    public static CourseFormatContent MittVal() => new(
        "Mitt Val",
        "Förberedande vägledning i grupp, FK och AF.",
        [new CourseFormatPhase("Träffar", 8, [2, 4], new TimeOnly(13, 0), 120)],
        MinParticipants: 8,
        MaxParticipants: 10,
        RequiredLeaderQualification: "",
        RequiredLeaderAgencies: ["fk", "af"],
        MeasurementPoints: [MeasurementPoint.Start, MeasurementPoint.End],
        Delivery: Delivery.Physical,
        InterpreterRequired: false,
        LateJoinUntilTraff: 2,
        CompletionMinAttendancePercent: 75,
        TraffThemes: MittValThemes,
        EvaluationStatements: ["Upplägget var bra", "Jag känner mig mer redo för nästa steg"]);

    public ScheduleGroupCommand MittValCommand(string? requestId = null, string name = "Mitt Val vår 2026, grupp 1") =>
        new(requestId ?? Guid.NewGuid().ToString(), InsatsId, MittValFormatId, name, MittValStart, [], "Arbetsförmedlingen, rum 3", "", 0);

    public async Task<Group> ScheduleMittValAsync(DateOnly? start = null, string name = "Mitt Val vår 2026, grupp 1") =>
        await Harness.Get<ScheduleGroupHandler>().HandleAsync(
            Admin, MittValCommand(name: name) with { StartDate = start ?? MittValStart }, Ct);

    /// <summary>A Mitt Val group led by the FK and AF leaders.</summary>
    public async Task<Group> ScheduleLedMittValAsync()
    {
        var group = await ScheduleMittValAsync();
        return await Harness.Get<AssignLeadersHandler>().HandleAsync(
            Admin, new AssignLeadersCommand(group.Id, Etags.Of(group.Version), ["gl-fk", "gl-af"]), Ct);
    }

    /// <summary>Bookings straight into the stored group (booking itself is tested with its handler elsewhere).</summary>
    public async Task<Group> BookAsync(Group group, int count)
    {
        var stored = (await Groups.GetAsync(group.Id, Ct))!;
        for (var i = 0; i < count; i++)
        {
            stored.Bookings.Add(new Booking
            {
                Id = Guid.NewGuid().ToString(),
                ParticipantId = Guid.NewGuid().ToString(),
                Status = BookingStatus.Booked,
                RequestId = Guid.NewGuid().ToString(),
                BookedBy = "sam-1",
                JoinedAtTraffId = stored.Traffar[0].Id,
                JoinedAtTraff = 1,
            });
        }

        Assert.True(await Groups.TrySaveAsync(stored, [], Ct));
        return stored;
    }

    /// <summary>Marks a träff held with one attendance record, as recording attendance would.</summary>
    public async Task<Group> HoldAsync(Group group, int traffNumber)
    {
        var stored = (await Groups.GetAsync(group.Id, Ct))!;
        var traff = stored.Traffar.Single(t => t.Number == traffNumber);
        traff.Status = TraffStatus.Held;
        traff.Attendance.Add(new AttendanceRecord { ParticipantId = "p-1", Status = AttendanceStatus.Present, Hours = 2, RecordedBy = "gl-fk" });
        Assert.True(await Groups.TrySaveAsync(stored, [], Ct));
        return stored;
    }

    public Task<IReadOnlyList<IIntegrationEvent>> EventsAsync() => Harness.PendingEventsAsync(GroupDocument.CollectionName);

    /// <summary>The stored group is still at <paramref name="version"/> and no event was added: a refusal wrote nothing.</summary>
    public async Task AssertUnchangedAsync(Group group, long version, int eventCount)
    {
        Assert.Equal(version, (await Groups.GetAsync(group.Id, Ct))!.Version);
        Assert.Equal(eventCount, (await EventsAsync()).Count);
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();

    private async Task SeedAsync()
    {
        var insatser = Harness.Get<IInsatsRepository>();
        var at = ActivitiesHarness.DefaultNow.UtcDateTime;
        await insatser.AddAsync(new Insats(InsatsId, "Mitt Val", InsatsKind.GroupCourse, 40, at), $"seed:{InsatsId}", [], Ct);
        await insatser.AddAsync(new Insats(OtherInsatsId, "Rehabteam", InsatsKind.Individual, 25, at), $"seed:{OtherInsatsId}", [], Ct);
        await insatser.AddAsync(new Insats(StructuralInsatsId, "Samverkansstruktur", InsatsKind.Structural, 0, at), $"seed:{StructuralInsatsId}", [], Ct);

        var formats = Harness.Get<ICourseFormatRepository>();
        await formats.AddAsync(new CourseFormat(MittValFormatId, MittVal(), "mitt-val", at), $"seed:{MittValFormatId}", Ct);
        await formats.AddAsync(
            new CourseFormat(
                RedoFormatId,
                MittVal() with
                {
                    Name = "ReDO",
                    Phases =
                    [
                        new CourseFormatPhase("Eftermiddagar", 10, [1, 4], new TimeOnly(13, 0), 150),
                        new CourseFormatPhase("Förmiddagar", 10, [1, 4], new TimeOnly(9, 0), 150),
                        new CourseFormatPhase("Nya rutiner och arbetsträning", 0, [], default, 0, Weeks: 6),
                    ],
                    MinParticipants = 4,
                    MaxParticipants = 8,
                    RequiredLeaderQualification = Qualification,
                    RequiredLeaderAgencies = [],
                    TraffThemes = [],
                },
                "redo",
                at),
            $"seed:{RedoFormatId}",
            Ct);
        await formats.AddAsync(
            new CourseFormat(
                HalsoskolanFormatId,
                MittVal() with
                {
                    Name = "Hälsoskolan",
                    Phases = [new CourseFormatPhase("Träffar", 6, [3], new TimeOnly(10, 0), 150)],
                    MinParticipants = 6,
                    MaxParticipants = 12,
                    RequiredLeaderAgencies = [],
                    InterpreterRequired = true,
                    TraffThemes = [],
                },
                "halsoskolan",
                at),
            $"seed:{HalsoskolanFormatId}",
            Ct);

        var leaders = Harness.Get<ILeaderRegistry>();
        await leaders.UpsertAsync(new Leader("gl-fk", "Frida Karlsson", "fk", ["vagledare"], at), Ct);
        await leaders.UpsertAsync(new Leader("gl-af", "Anders Falk", "af", ["arbetsformedlare"], at), Ct);
        await leaders.UpsertAsync(new Leader("gl-ot", "Olivia Tran", "region", ["arbetsterapeut", Qualification], at), Ct);
        await leaders.UpsertAsync(new Leader("gl-at", "Ali Tahir", "kommun", ["arbetsterapeut"], at), Ct);
    }
}
