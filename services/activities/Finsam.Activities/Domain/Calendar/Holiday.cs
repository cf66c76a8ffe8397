namespace Finsam.Activities.Domain.Calendar;

/// <summary>A day group work doesn't meet on: its date, its Swedish name and why it is free.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);

public enum HolidayKind
{
    /// <summary>Allmän helgdag by law (lagen om allmänna helgdagar).</summary>
    PublicHoliday = 1,

    /// <summary>
    /// Not a helgdag by law, but treated as one in practice (midsommarafton, julafton, nyårsafton):
    /// workplaces close and nobody turns up to a träff.
    /// </summary>
    DeFactoHoliday = 2,
}
