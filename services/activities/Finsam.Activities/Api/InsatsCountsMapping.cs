using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Google.Protobuf.WellKnownTypes;
using ProtoCorrection = Finsam.Protos.Activities.V1.InsatsCountCorrection;
using ProtoRegistration = Finsam.Protos.Activities.V1.InsatsCountRegistration;

namespace Finsam.Activities.Api;

/// <summary>Count registrations (pinnstatistik) to their proto messages.</summary>
public static class InsatsCountsMapping
{
    public static ProtoRegistration ToProto(Domain.Counts.InsatsCountRegistration registration) => new()
    {
        RegistrationId = registration.Id,
        InsatsId = registration.InsatsId,
        PeriodFrom = ProtoDates.ToProto(registration.PeriodFrom),
        PeriodTo = ProtoDates.ToProto(registration.PeriodTo),
        Women = registration.Counts.Women,
        Men = registration.Counts.Men,
        Other = registration.Counts.Other,
        RegisteredAt = Timestamp.FromDateTime(registration.RegisteredAt),
        RegisteredBy = registration.RegisteredBy,
        Corrections = { registration.Corrections.Select(ToProto) },
        Etag = Etags.Of(registration.Version),
    };

    private static ProtoCorrection ToProto(Domain.Counts.InsatsCountCorrection correction) => new()
    {
        PreviousPeriodFrom = ProtoDates.ToProto(correction.PreviousPeriodFrom),
        PreviousPeriodTo = ProtoDates.ToProto(correction.PreviousPeriodTo),
        PreviousWomen = correction.PreviousCounts.Women,
        PreviousMen = correction.PreviousCounts.Men,
        PreviousOther = correction.PreviousCounts.Other,
        CorrectedBy = correction.CorrectedBy,
        CorrectedAt = Timestamp.FromDateTime(correction.CorrectedAt),
        Reason = correction.Reason,
    };
}
