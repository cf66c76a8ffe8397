using Finsam.Participants.Domain;
using static Finsam.Participants.Infrastructure.DocumentMapping;
using static Finsam.Platform.Time.IsoDates;

namespace Finsam.Participants.Infrastructure;

/// <summary>Enrolment ↔ <see cref="EnrolmentDocument"/>.</summary>
public static class EnrolmentDocumentMapping
{
    public static EnrolmentDocument ToDocument(Enrolment e, EnrolmentDocument d)
    {
        d.Id = e.Id;
        d.ActiveKey = DocumentEnrolmentRepository.ActiveKeyOf(e);
        d.ParticipantId = e.ParticipantId;
        d.InsatsId = e.InsatsId;
        d.AnonymousDownstream = e.AnonymousDownstream;
        d.Gender = ToCode(e.Gender);
        d.BirthYear = e.BirthYear;
        d.AgeBand = e.AgeBand;
        d.StartDate = ToIso(e.Start.StartDate);
        d.ContactPersons = [.. e.Start.ContactPersons];
        d.ForsorjningAtStart = [.. e.Start.ForsorjningAtStart];
        d.SysselsattningAtStart = e.Start.SysselsattningAtStart;
        d.EducationLevel = e.Start.EducationLevel;
        d.YearsInSupport = e.Start.YearsInSupport;
        d.ReferralId = e.ReferralId;
        d.ReferralKey = DocumentEnrolmentRepository.ReferralKeyOf(e.ReferralId, e.Id);
        d.ReferringAgency = e.ReferringAgency;
        d.PlanDeadlineDays = e.PlanDeadlineDays;
        d.StartedBy = DocumentMapping.ToDocument(e.StartedBy);
        d.StartedAt = e.StartedAt;
        d.Kartlaggningar = e.Kartlaggningar.Select(k => new KartlaggningDocument
        {
            Id = k.Id, Date = ToIso(k.Date), Areas = [.. k.Areas], RecordedBy = DocumentMapping.ToDocument(k.RecordedBy), RecordedAt = k.RecordedAt, Retracted = k.Retracted,
        }).ToList();
        d.Plans = e.Plans.Select(p => new PlanDocument
        {
            Id = p.Id,
            RecordedOn = ToIso(p.RecordedOn),
            GoalKind = p.GoalKind,
            Huvudmal = p.Huvudmal,
            Delmal = [.. p.Delmal],
            Strategies = [.. p.Strategies],
            ReviewDate = p.ReviewDate is { } review ? ToIso(review) : null,
            WithinDeadline = p.WithinDeadline,
            RecordedBy = DocumentMapping.ToDocument(p.RecordedBy),
            RecordedAt = p.RecordedAt,
            Retracted = p.Retracted,
        }).ToList();
        d.Assessments = e.Assessments.Select(a => new StaffAssessmentDocument
        {
            Id = a.Id,
            Instrument = a.Instrument,
            InstrumentVersion = a.InstrumentVersion,
            Scale = a.Scale,
            AssessedOn = ToIso(a.AssessedOn),
            Result = a.Result,
            RecordedBy = DocumentMapping.ToDocument(a.RecordedBy),
            RecordedAt = a.RecordedAt,
            Retracted = a.Retracted,
        }).ToList();
        d.SelfAssessments = e.SelfAssessments.Select(s => new SelfAssessmentDocument
        {
            Id = s.Id,
            Instrument = s.Instrument,
            Phase = s.Phase,
            AssessedOn = ToIso(s.AssessedOn),
            Scores = s.Scores.Select(kv => new ScoreDocument { Area = kv.Key, Score = kv.Value }).ToList(),
            RecordedBy = DocumentMapping.ToDocument(s.RecordedBy),
            RecordedAt = s.RecordedAt,
            Retracted = s.Retracted,
        }).ToList();
        d.Ending = e.Ending is not { } ending ? null : new EndingDocument
        {
            EndDate = ToIso(ending.EndDate),
            Reasons = [.. ending.Reasons],
            SysselsattningAtEnd = ending.SysselsattningAtEnd,
            ForsorjningAtEnd = [.. ending.ForsorjningAtEnd],
            EndedBy = DocumentMapping.ToDocument(ending.EndedBy),
            EndedAt = ending.EndedAt,
        };
        d.FollowUps = e.FollowUps.Select(f => new FollowUpDocument
        {
            Id = f.Id, ContactOn = ToIso(f.ContactOn), Note = f.Note, RecordedBy = DocumentMapping.ToDocument(f.RecordedBy), RecordedAt = f.RecordedAt, Retracted = f.Retracted,
        }).ToList();
        d.Corrections = e.Corrections.Select(DocumentMapping.ToDocument).ToList();
        d.IdentifyingDataRemovedAt = e.IdentifyingDataRemovedAt;
        return d;
    }

    public static Enrolment? ToDomain(EnrolmentDocument? d)
    {
        if (d is null)
        {
            return null;
        }

        return new Enrolment
        {
            Id = d.Id,
            InsatsId = d.InsatsId,
            ParticipantId = d.ParticipantId,
            AnonymousDownstream = d.AnonymousDownstream,
            Gender = GenderFromCode(d.Gender),
            BirthYear = d.BirthYear,
            AgeBand = d.AgeBand,
            Start = new EnrolmentStartFacts(FromIso(d.StartDate), d.ContactPersons, d.ForsorjningAtStart, d.SysselsattningAtStart, d.EducationLevel, d.YearsInSupport),
            ReferralId = d.ReferralId,
            ReferringAgency = d.ReferringAgency,
            PlanDeadlineDays = d.PlanDeadlineDays,
            StartedBy = DocumentMapping.ToDomain(d.StartedBy),
            StartedAt = Utc(d.StartedAt),
            Kartlaggningar = d.Kartlaggningar.Select(k => new Kartlaggning(k.Id, FromIso(k.Date), k.Areas, DocumentMapping.ToDomain(k.RecordedBy), Utc(k.RecordedAt)) { Retracted = k.Retracted }).ToList(),
            Plans = d.Plans.Select(p => new Plan(
                p.Id, FromIso(p.RecordedOn), p.GoalKind, p.Huvudmal, p.Delmal, p.Strategies, FromIsoOrNull(p.ReviewDate), p.WithinDeadline,
                DocumentMapping.ToDomain(p.RecordedBy), Utc(p.RecordedAt)) { Retracted = p.Retracted }).ToList(),
            Assessments = d.Assessments.Select(a => new StaffAssessment(
                a.Id, a.Instrument, a.InstrumentVersion, a.Scale, FromIso(a.AssessedOn), a.Result, DocumentMapping.ToDomain(a.RecordedBy), Utc(a.RecordedAt)) { Retracted = a.Retracted }).ToList(),
            SelfAssessments = d.SelfAssessments.Select(s => new SelfAssessment(
                s.Id, s.Instrument, s.Phase, FromIso(s.AssessedOn), s.Scores.ToDictionary(x => x.Area, x => x.Score, StringComparer.Ordinal),
                DocumentMapping.ToDomain(s.RecordedBy), Utc(s.RecordedAt)) { Retracted = s.Retracted }).ToList(),
            Ending = d.Ending is not { } ending ? null : new EnrolmentEnding(
                FromIso(ending.EndDate), ending.Reasons, ending.SysselsattningAtEnd, ending.ForsorjningAtEnd, DocumentMapping.ToDomain(ending.EndedBy), Utc(ending.EndedAt)),
            FollowUps = d.FollowUps.Select(f => new FollowUp(f.Id, FromIso(f.ContactOn), f.Note, DocumentMapping.ToDomain(f.RecordedBy), Utc(f.RecordedAt)) { Retracted = f.Retracted }).ToList(),
            Corrections = d.Corrections.Select(DocumentMapping.ToDomain).ToList(),
            IdentifyingDataRemovedAt = d.IdentifyingDataRemovedAt is { } removed ? Utc(removed) : null,
            Version = d.Version,
        };
    }
}
