namespace Finsam.Reporting.Domain.CountOnly;

/// <summary>
/// Counts by gender summed over the registrations of a count-only insats in a report period. The insats counts
/// what it counts (people at a day, visits in a month), so a person who came twice may be in two registrations:
/// these are registered counts, never unique persons.
/// </summary>
/// <param name="Registrations">How many registrations were summed (0: nothing registered in the period).</param>
public sealed record RegisteredCounts(int Women, int Men, int Other, int Registrations)
{
    public static readonly RegisteredCounts None = new(0, 0, 0, 0);

    public int Total => Women + Men + Other;

    public RegisteredCounts Add(CountRegistration registration) =>
        new(Women + registration.Women, Men + registration.Men, Other + registration.Other, Registrations + 1);
}
