using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Finsam.Participants.Domain;
using ProtoGender = Finsam.Protos.Participants.V1.Gender;

namespace Finsam.Participants.Api;

/// <summary>Enrolments as the API shows them.</summary>
public static class EnrolmentMapping
{
    public static Domain.Gender? ToDomain(ProtoGender gender) => gender switch
    {
        ProtoGender.Woman => Domain.Gender.Woman,
        ProtoGender.Man => Domain.Gender.Man,
        ProtoGender.Other => Domain.Gender.Other,
        _ => null,
    };

    public static Enrolment ToProto(Domain.Enrolment e)
    {
        var proto = new Enrolment
        {
            EnrolmentId = e.Id,
            InsatsId = e.InsatsId,
            ParticipantId = e.ParticipantId ?? "",
            Anonymous = e.Anonymous,
            AnonymousDownstream = e.AnonymousDownstream,
            Gender = e.Gender switch
            {
                Domain.Gender.Woman => ProtoGender.Woman,
                Domain.Gender.Man => ProtoGender.Man,
                _ => ProtoGender.Other,
            },
            AgeBand = e.AgeBand,
            StartDate = ProtoDates.ToProto(e.Start.StartDate),
            ContactPersons = { e.Start.ContactPersons },
            ForsorjningAtStart = { e.Start.ForsorjningAtStart },
            SysselsattningAtStart = e.Start.SysselsattningAtStart ?? "",
            EducationLevel = e.Start.EducationLevel ?? "",
            ReferralId = e.ReferralId ?? "",
            PlanDueOn = ProtoDates.ToProto(e.PlanDueOn),
            Kartlaggningar =
            {
                e.Kartlaggningar.Select(k => new Kartlaggning
                {
                    KartlaggningId = k.Id, Date = ProtoDates.ToProto(k.Date), Areas = { k.Areas }, RecordedAt = Timestamp.FromDateTime(k.RecordedAt), Retracted = k.Retracted,
                }),
            },
            Plans = { e.Plans.Select(ToProto) },
            Assessments =
            {
                e.Assessments.Select(a => new Assessment
                {
                    AssessmentId = a.Id,
                    Instrument = a.Instrument,
                    InstrumentVersion = a.InstrumentVersion,
                    Scale = a.Scale,
                    AssessedOn = ProtoDates.ToProto(a.AssessedOn),
                    Result = a.Result,
                    RecordedAt = Timestamp.FromDateTime(a.RecordedAt),
                    Retracted = a.Retracted,
                }),
            },
            SelfAssessments =
            {
                e.SelfAssessments.Select(s => new SelfAssessment
                {
                    AssessmentId = s.Id,
                    Instrument = s.Instrument,
                    Phase = s.Phase,
                    AssessedOn = ProtoDates.ToProto(s.AssessedOn),
                    Scores = { s.Scores.ToDictionary(kv => kv.Key, kv => kv.Value) },
                    RecordedAt = Timestamp.FromDateTime(s.RecordedAt),
                    Retracted = s.Retracted,
                }),
            },
            Ended = e.IsEnded,
            FollowUps =
            {
                e.FollowUps.Select(f => new FollowUp
                {
                    FollowUpId = f.Id, ContactOn = ProtoDates.ToProto(f.ContactOn), Note = f.Note, RecordedAt = Timestamp.FromDateTime(f.RecordedAt), Retracted = f.Retracted,
                }),
            },
            StartedAt = Timestamp.FromDateTime(e.StartedAt),
            Etag = Etags.Of(e.Version),
            ReferringAgency = e.ReferringAgency ?? "",
        };
        if (e.Start.YearsInSupport is { } years)
        {
            proto.YearsInSupport = years;
        }

        if (e.PlanDeadlineDays is { } deadline)
        {
            proto.PlanDeadlineDays = deadline;
        }

        if (e.Ending is { } ending)
        {
            proto.Ending = new EnrolmentEnding
            {
                EndDate = ProtoDates.ToProto(ending.EndDate),
                Reasons = { ending.Reasons },
                SysselsattningAtEnd = ending.SysselsattningAtEnd,
                ForsorjningAtEnd = { ending.ForsorjningAtEnd },
                EndedAt = Timestamp.FromDateTime(ending.EndedAt),
            };
        }

        return proto;
    }

    public static SelfAssessmentChange ToProto(Application.Enrolments.SelfAssessmentChange change) => new()
    {
        EnrolmentId = change.EnrolmentId,
        Instrument = change.Instrument,
        StartAssessedOn = ProtoDates.ToProto(change.StartAssessedOn),
        EndAssessedOn = ProtoDates.ToProto(change.EndAssessedOn),
        Areas = { change.Areas.Select(ToProto) },
        ImprovedAreas = change.ImprovedAreas,
        ComparedAreas = change.ComparedAreas,
    };

    private static AreaChange ToProto(Application.Enrolments.AreaChange area)
    {
        var proto = new AreaChange { Area = area.Area };
        if (area.Start is { } start)
        {
            proto.Start = start;
        }

        if (area.End is { } end)
        {
            proto.End = end;
        }

        if (area.Change is { } change)
        {
            proto.Change = change;
        }

        return proto;
    }

    private static Plan ToProto(Domain.Plan p)
    {
        var proto = new Plan
        {
            PlanId = p.Id,
            RecordedOn = ProtoDates.ToProto(p.RecordedOn),
            GoalKind = p.GoalKind,
            Huvudmal = p.Huvudmal,
            Delmal = { p.Delmal },
            Strategies = { p.Strategies },
            ReviewDate = ProtoDates.ToProto(p.ReviewDate),
            RecordedAt = Timestamp.FromDateTime(p.RecordedAt),
            Retracted = p.Retracted,
        };
        if (p.WithinDeadline is { } within)
        {
            proto.WithinDeadline = within;
        }

        return proto;
    }
}
