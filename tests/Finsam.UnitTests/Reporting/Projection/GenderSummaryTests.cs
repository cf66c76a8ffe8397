using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Persons;

namespace Finsam.UnitTests.Reporting.Projection;

/// <summary>The summary (GetSummary) from the person book: registered participants by gender as it now stands.</summary>
public sealed class GenderSummaryTests
{
    private static readonly DateTime T0 = new(2024, 5, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Counts_each_registered_person_once_under_the_gender_as_corrected()
    {
        var persons = new PersonBook();
        persons.ApplyAll([
            new ParticipantRegistered("p-1", ParticipantGenders.Woman, 1980, T0),
            new ParticipantRegistered("p-1", ParticipantGenders.Woman, 1980, T0), // a duplicate
            new ParticipantRegistered("p-2", ParticipantGenders.Man, 1975, T0),
            new ParticipantRegistered("p-3", ParticipantGenders.Other, 1990, T0),
            new ParticipantRegistered("p-4", ParticipantGenders.Man, 1991, T0),
            new ParticipantCorrected("p-4", ParticipantGenders.Woman, 1991, T0.AddDays(3)),
        ]);

        var summary = GenderSummary.Of(persons.Entities);

        Assert.Equal(new GenderSummary(Women: 2, Men: 1, Other: 1), summary);
        Assert.Equal(4, summary.Total);
    }

    [Fact]
    public void A_gender_participants_never_sends_is_counted_under_none()
    {
        var persons = new PersonBook();
        persons.ApplyAll([
            new ParticipantRegistered("p-1", "unknown-gender", 1980, T0),
            new ParticipantRegistered("p-2", ParticipantGenders.Man, 1975, T0),
        ]);

        Assert.Equal(new GenderSummary(0, 1, 0), GenderSummary.Of(persons.Entities));
    }

    [Fact]
    public void No_one_registered_is_all_zero()
    {
        Assert.Equal(new GenderSummary(0, 0, 0), GenderSummary.Of(new PersonBook().Entities));
    }
}
