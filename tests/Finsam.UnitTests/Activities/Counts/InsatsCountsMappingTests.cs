using Finsam.Activities.Api;
using Finsam.Activities.Domain.Counts;
using Google.Protobuf.WellKnownTypes;
using ProtoDate = Google.Type.Date;

namespace Finsam.UnitTests.Activities.Counts;

/// <summary>Domain → proto for count registrations: every value, each correction in order, and the version as etag.</summary>
public sealed class InsatsCountsMappingTests
{
    private static readonly DateTime Registered = new(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime CorrectedAt = new(2026, 2, 3, 10, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_corrected_registration_carries_its_values_its_history_and_its_etag()
    {
        var registration = new InsatsCountRegistration(
                "reg-1", "insats-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new CountsByGender(12, 7, 1), "admin-1", Registered)
            .Correct(new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 31), new CountsByGender(14, 6, 0), "ia-1", CorrectedAt, "Listan räknades om.")
            with { Version = 2 };

        var proto = InsatsCountsMapping.ToProto(registration);

        Assert.Equal(("reg-1", "insats-1", "2"), (proto.RegistrationId, proto.InsatsId, proto.Etag));
        Assert.Equal((new ProtoDate { Year = 2026, Month = 1, Day = 8 }, new ProtoDate { Year = 2026, Month = 1, Day = 31 }), (proto.PeriodFrom, proto.PeriodTo));
        Assert.Equal((14, 6, 0), (proto.Women, proto.Men, proto.Other));
        Assert.Equal(("admin-1", Timestamp.FromDateTime(Registered)), (proto.RegisteredBy, proto.RegisteredAt));
        var correction = Assert.Single(proto.Corrections);
        Assert.Equal(
            (new ProtoDate { Year = 2026, Month = 1, Day = 1 }, new ProtoDate { Year = 2026, Month = 1, Day = 31 }, 12, 7, 1),
            (correction.PreviousPeriodFrom, correction.PreviousPeriodTo, correction.PreviousWomen, correction.PreviousMen, correction.PreviousOther));
        Assert.Equal(("ia-1", Timestamp.FromDateTime(CorrectedAt), "Listan räknades om."), (correction.CorrectedBy, correction.CorrectedAt, correction.Reason));
    }
}
