using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Persons;

/// <summary>Registered participants by gender as it now stands (a corrected gender counts under the new one).</summary>
public sealed record GenderSummary(int Women, int Men, int Other)
{
    /// <summary>Everyone counted: a gender outside the three known values (never sent by Participants) is in none.</summary>
    public int Total => Women + Men + Other;

    public static GenderSummary Of(IEnumerable<PersonFacts> persons)
    {
        int women = 0, men = 0, other = 0;
        foreach (var person in persons)
        {
            switch (person.Gender)
            {
                case ParticipantGenders.Woman:
                    women++;
                    break;
                case ParticipantGenders.Man:
                    men++;
                    break;
                case ParticipantGenders.Other:
                    other++;
                    break;
            }
        }

        return new GenderSummary(women, men, other);
    }
}
