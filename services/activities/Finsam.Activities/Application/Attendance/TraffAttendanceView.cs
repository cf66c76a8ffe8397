using Finsam.Activities.Domain.Groups;

namespace Finsam.Activities.Application.Attendance;

/// <summary>A träff's recorded attendance; the etag is the group's version, since attendance is part of the group.</summary>
public sealed record TraffAttendanceView(Group Group, Traff Traff);
