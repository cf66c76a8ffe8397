using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Reports.BookSectionModel;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class GroupWorkCalculatorTests
{
    private const string Scope = "Omfattningen var bra";
    private const string Respect = "Jag blev bemött med respekt";

    private static DateTime Utc(string day, int hour = 12) => D(day).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static readonly IIntegrationEvent[] History =
    [
        // g1: across the new year, completed on its last held träff (20 January) though closed in February.
        Scheduled("g1", 0, "G", Traff("g1t1", 1, "2024-12-09"), Traff("g1t2", 2, "2025-01-13"), Traff("g1t3", 3, "2025-01-20"), Traff("g1t4", 4, "2025-01-27")),
        GroupStart("g1", 1),
        Booked("g1", "b1", "p1"), Booked("g1", "b2", "p2"), BookingCancel("g1", "b2", "p2", at: 2),
        Waitlisted("g1", "b3", "p3"), BookingCancel("g1", "b3", "p3", at: 2, wasWaitlisted: true),
        Booked("g1", "b4", "p4"),
        Held("g1", "g1t1", 1, "2024-12-09"), Attended("g1", "g1t1", "p1"), Attended("g1", "g1t1", "p4"),
        BookingCancel("g1", "b4", "p4", at: 3),
        Held("g1", "g1t2", 2, "2025-01-13"), Attended("g1", "g1t2", "p1"),
        Held("g1", "g1t3", 3, "2025-01-20"), Attended("g1", "g1t3", "p1", "excused-absence", 0),
        new TraffCancelled("g1", "G", "g1t4", D("2025-01-27"), At(4)),
        Completed("g1", Utc("2025-02-03"), "G", ("p1", true)),
        // g2: p1 again; runs into the next year and completes there.
        Scheduled("g2", 0, "G", Traff("g2t1", 1, "2025-12-15"), Traff("g2t2", 2, "2026-01-12")),
        Booked("g2", "c1", "p1"), Booked("g2", "c2", "p5"),
        Held("g2", "g2t1", 1, "2025-12-15"), Attended("g2", "g2t1", "p1"), Attended("g2", "g2t1", "p5", "unexcused-absence", 0),
        Held("g2", "g2t2", 2, "2026-01-12"), Attended("g2", "g2t2", "p1"), Attended("g2", "g2t2", "p5"),
        Completed("g2", Utc("2026-01-14"), "G", ("p1", true), ("p5", true)),
        // g3: cancelled before anything was held.
        Scheduled("g3", 0, "G", Traff("g3t1", 1, "2025-03-03")), Booked("g3", "d1", "p6"),
        new GroupCancelled("g3", "G", Utc("2025-03-01")), new TraffCancelled("g3", "G", "g3t1", D("2025-03-03"), Utc("2025-03-01")),
        // g4: one träff held (absence corrected to present after the event), then cancelled.
        Scheduled("g4", 0, "G", Traff("g4t1", 1, "2025-04-07"), Traff("g4t2", 2, "2025-04-14")), Booked("g4", "e1", "p7"),
        Held("g4", "g4t1", 1, "2025-04-07"), Attended("g4", "g4t1", "p7", "unexcused-absence", 0, at: 5),
        AttendanceCorrection("g4", "g4t1", "p7", "present", 2, at: 30),
        new GroupCancelled("g4", "G", Utc("2025-04-10")),
        // g5: another insats.
        Scheduled("g5", 0, "H", Traff("g5t1", 1, "2025-05-05")), Booked("g5", "f1", "p9", insats: "H"),
        Held("g5", "g5t1", 1, "2025-05-05", insats: "H"), Attended("g5", "g5t1", "p9", insats: "H"),
        // g6: held and completed in December 2024, closed in January.
        Scheduled("g6", 0, "G", Traff("g6t1", 1, "2024-12-16")), Booked("g6", "h1", "p8"),
        Held("g6", "g6t1", 1, "2024-12-16"), Attended("g6", "g6t1", "p8"),
        Completed("g6", Utc("2025-01-08"), "G", ("p8", true)),
        // Evaluation forms.
        Evaluation("v1", "g1", "2025-01", [Scope, Respect], [6, 5]),
        Evaluation("v2", "g1", "2025-01", [Scope, Respect], [5, 0]),
        Evaluation("v3", "g2", "2025-12", [Scope, Respect], [4, 6]),
        Evaluation("v1", "g1", "2025-01", [Scope, Respect], [6, 5]),
        Evaluation("v4", "g2", "2026-01", [Scope, Respect], [1, 1]),
        Evaluation("v5", "g5", "2025-05", [Scope, Respect], [1, 1], insats: "H"),
    ];

    private static IReadOnlyList<Tally> Ratings(params int[] counts)
    {
        var n = counts.Sum();
        return [.. counts.Select((c, i) => new Tally($"{i + 1}", $"{i + 1}", Count.Of(c), Percent.Of(c, n)))];
    }

    [Fact]
    public void Groups_traffar_participants_attendance_and_evaluations_of_the_year()
    {
        var section = GroupWorkCalculator.For(Input(Model(History), "G", 2025));

        // Run: g1, g2, g4. Completed: g1. Cancelled: g3, g4. Held: g1t2, g1t3, g2t1, g4t1.
        // Started: p1 (g1, g2), p4 (present before cancelling), p5, p7; not p2 (cancelled, never came) nor p3 (waiting list).
        // Attendance: present g1t2 p1, g2t1 p1, g4t1 p7 of 5 records.
        Assert.Equal((Count.Of(3), Count.Of(1), Count.Of(2), Count.Of(4), Count.Of(4), Count.Of(1), (decimal?)60.0m, Count.Of(3)),
            (section.Groups, section.GroupsCompleted, section.GroupsCancelled, section.TraffarHeld, section.ParticipantsStarted, section.ParticipantsCompleted,
                section.AttendancePercent, section.EvaluationForms));

        Assert.Equal([Scope, Respect], section.Evaluations.Select(e => e.Statement));
        Assert.Equal((Count.Of(3), (decimal?)5.0m), (section.Evaluations[0].N, section.Evaluations[0].Mean));
        Assert.Equal(Ratings(0, 0, 0, 1, 1, 1), section.Evaluations[0].Distribution);
        Assert.Equal((Count.Of(2), (decimal?)5.5m), (section.Evaluations[1].N, section.Evaluations[1].Mean));
        Assert.Equal(Ratings(0, 0, 0, 0, 1, 1), section.Evaluations[1].Distribution);
    }

    [Fact]
    public void A_group_completes_in_the_year_of_its_last_held_traff()
    {
        var section = GroupWorkCalculator.For(Input(Model(History), "G", 2024));

        // Run: g1 (first träff), g6. Completed: g6 (held 16 December, closed 8 January), with p8.
        Assert.Equal((Count.Of(2), Count.Of(1), Count.Zero, Count.Of(2), Count.Of(3), Count.Of(1), (decimal?)100.0m, Count.Zero),
            (section.Groups, section.GroupsCompleted, section.GroupsCancelled, section.TraffarHeld, section.ParticipantsStarted, section.ParticipantsCompleted,
                section.AttendancePercent, section.EvaluationForms));
        Assert.Empty(section.Evaluations);
    }

    [Fact]
    public void The_next_year_has_the_completion_of_a_group_run_across_the_new_year()
    {
        var section = GroupWorkCalculator.For(Input(Model(History), "G", 2026));

        Assert.Equal((Count.Of(1), Count.Of(1), Count.Of(1), Count.Of(2), (decimal?)100.0m, Count.Of(1)),
            (section.Groups, section.GroupsCompleted, section.TraffarHeld, section.ParticipantsCompleted, section.AttendancePercent, section.EvaluationForms));
        Assert.Equal((decimal?)1.0m, section.Evaluations[0].Mean);
    }

    [Fact]
    public void At_forbund_level_every_insats_counts()
    {
        var section = GroupWorkCalculator.For(Input(Model(History), null, 2025));

        Assert.Equal((Count.Of(4), Count.Of(5), Count.Of(5), (decimal?)66.7m, Count.Of(4)),
            (section.Groups, section.TraffarHeld, section.ParticipantsStarted, section.AttendancePercent, section.EvaluationForms));
    }

    [Fact]
    public void A_year_without_groups_gives_zeros_and_no_rate()
    {
        var section = GroupWorkCalculator.For(Input(Model(History), "G", 2023));

        Assert.Equal((Count.Zero, Count.Zero, Count.Zero, Count.Zero, Count.Zero, Count.Zero, (decimal?)null, Count.Zero),
            (section.Groups, section.GroupsCompleted, section.GroupsCancelled, section.TraffarHeld, section.ParticipantsStarted, section.ParticipantsCompleted,
                section.AttendancePercent, section.EvaluationForms));
        Assert.Empty(section.Evaluations);
    }
}
