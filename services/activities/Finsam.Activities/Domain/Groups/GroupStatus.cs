namespace Finsam.Activities.Domain.Groups;

public enum GroupStatus
{
    /// <summary>Planerad: träffar generated, bookable, not yet confirmed.</summary>
    Scheduled = 1,

    /// <summary>Startad: confirmed to run.</summary>
    Started = 2,

    /// <summary>Avslutad: after the last träff; who completed is settled.</summary>
    Completed = 3,

    /// <summary>Inställd.</summary>
    Cancelled = 4,
}

public enum TraffStatus
{
    Planned = 1,

    /// <summary>Genomförd: attendance has been recorded.</summary>
    Held = 2,

    Cancelled = 3,
}

public enum Delivery
{
    Physical = 1,
    Digital = 2,
}
