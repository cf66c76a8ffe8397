using Finsam.Activities.Application.Formats;
using Finsam.Activities.Application.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Google.Protobuf.WellKnownTypes;
using DomainDelivery = Finsam.Activities.Domain.Groups.Delivery;
using DomainGroup = Finsam.Activities.Domain.Groups.Group;
using DomainGroupStatus = Finsam.Activities.Domain.Groups.GroupStatus;
using DomainTraff = Finsam.Activities.Domain.Groups.Traff;
using DomainTraffChange = Finsam.Activities.Domain.Groups.TraffChange;
using DomainTraffStatus = Finsam.Activities.Domain.Groups.TraffStatus;
using ProtoDelivery = Finsam.Protos.Activities.V1.Delivery;
using ProtoGroup = Finsam.Protos.Activities.V1.Group;
using ProtoGroupStatus = Finsam.Protos.Activities.V1.GroupStatus;
using ProtoTraff = Finsam.Protos.Activities.V1.Traff;
using ProtoTraffChange = Finsam.Protos.Activities.V1.TraffChange;
using ProtoTraffStatus = Finsam.Protos.Activities.V1.TraffStatus;
using ProtoUpcomingTraff = Finsam.Protos.Activities.V1.UpcomingTraff;

namespace Finsam.Activities.Api;

/// <summary>Groups and träffar, domain → proto; shared by every service that answers with a group.</summary>
public static class GroupMapping
{
    public static ProtoGroup ToProto(DomainGroup group)
    {
        var proto = new ProtoGroup
        {
            GroupId = group.Id,
            InsatsId = group.InsatsId,
            FormatId = group.FormatId,
            Name = group.Name,
            Status = ToProto(group.Status),
            StartDate = ProtoDates.ToProto(group.StartDate),
            Location = group.Location,
            InterpreterLanguage = group.InterpreterLanguage,
            Delivery = ToProto(group.Delivery),
            MaxParticipants = group.MaxParticipants,
            MinParticipants = group.MinParticipants,
            Booked = group.Booked.Count(),
            Waitlisted = group.Waitlist.Count(),
            LateJoinUntilTraff = group.LateJoinUntilTraff,
            CalendarToken = group.CalendarToken,
            ScheduledAt = ProtoTimestamps.FromUtc(group.ScheduledAt),
            Etag = Etags.Of(group.Version),
        };
        proto.LeaderSubjects.AddRange(group.LeaderSubjects);
        proto.Traffar.AddRange(group.Traffar.Select(ToProto));
        proto.ClosedDates.AddRange(group.ClosedDates.Select(d => ProtoDates.ToProto(d)));
        return proto;
    }

    public static ProtoTraff ToProto(DomainTraff traff)
    {
        var proto = new ProtoTraff
        {
            TraffId = traff.Id,
            Number = traff.Number,
            Date = ProtoDates.ToProto(traff.Date),
            StartTime = TraffTimes.Format(traff.StartTime),
            LengthMinutes = traff.LengthMinutes,
            Phase = traff.Phase,
            Theme = traff.Theme,
            Status = ToProto(traff.Status),
        };
        proto.Changes.AddRange(traff.Changes.Select(ToProto));
        return proto;
    }

    public static ProtoTraffChange ToProto(DomainTraffChange change) => new()
    {
        Kind = change.Kind,
        PreviousDate = ProtoDates.ToProto(change.PreviousDate),
        PreviousStartTime = change.PreviousStartTime is { } time ? TraffTimes.Format(time) : "",
        ChangedBy = change.ChangedBy,
        ChangedAt = ProtoTimestamps.FromUtc(change.ChangedAt),
        Reason = change.Reason,
    };

    public static ProtoUpcomingTraff ToProto(UpcomingTraff upcoming) => new()
    {
        GroupId = upcoming.Group.Id,
        GroupName = upcoming.Group.Name,
        Traff = ToProto(upcoming.Traff),
        Location = upcoming.Group.Location,
        Booked = upcoming.Group.Booked.Count(),
    };

    public static ProtoGroupStatus ToProto(DomainGroupStatus status) => status switch
    {
        DomainGroupStatus.Scheduled => ProtoGroupStatus.Scheduled,
        DomainGroupStatus.Started => ProtoGroupStatus.Started,
        DomainGroupStatus.Completed => ProtoGroupStatus.Completed,
        DomainGroupStatus.Cancelled => ProtoGroupStatus.Cancelled,
        _ => ProtoGroupStatus.Unspecified,
    };

    public static ProtoTraffStatus ToProto(DomainTraffStatus status) => status switch
    {
        DomainTraffStatus.Planned => ProtoTraffStatus.Planned,
        DomainTraffStatus.Held => ProtoTraffStatus.Held,
        DomainTraffStatus.Cancelled => ProtoTraffStatus.Cancelled,
        _ => ProtoTraffStatus.Unspecified,
    };

    public static ProtoDelivery ToProto(DomainDelivery delivery) => delivery switch
    {
        DomainDelivery.Physical => ProtoDelivery.Physical,
        DomainDelivery.Digital => ProtoDelivery.Digital,
        _ => ProtoDelivery.Unspecified,
    };

    /// <summary>Stored instants are UTC; a value read back without its kind is still UTC, not local time.</summary>
}
