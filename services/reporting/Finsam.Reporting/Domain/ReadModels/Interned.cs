namespace Finsam.Reporting.Domain.ReadModels;

/// <summary>
/// One pool for the strings the books repeat by the million: participant ids across bookings and attendance, träff
/// ids, instrument and area names. Every event brings its own copy of each; keeping one instance per distinct value
/// is what keeps the reporting process small at the benchmark's 2,000,000 attendance records. The runtime's intern
/// pool is that pool: thread-safe, and the values live as long as the read models that hold them anyway.
/// </summary>
public static class Interned
{
    public static string Of(string value) => string.Intern(value);

    public static string? OfNullable(string? value) => value is null ? null : string.Intern(value);
}
