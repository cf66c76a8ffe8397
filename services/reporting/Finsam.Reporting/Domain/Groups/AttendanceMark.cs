using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Groups;

/// <summary>An attendance status of the activities service ("present", "excused-absence", "unexcused-absence"), in one byte.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceStatus>))]
public enum AttendanceStatus : byte
{
    [JsonStringEnumMemberName("present")]
    Present,

    [JsonStringEnumMemberName("excused-absence")]
    ExcusedAbsence,

    [JsonStringEnumMemberName("unexcused-absence")]
    UnexcusedAbsence,

    /// <summary>A code this version doesn't know: recorded, so in the attendance denominator, but not present.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>
/// One participant's attendance at one träff, as small as it can be: there are millions. It is a value, not an
/// object, so a träff's attendance is one array of these inside its dictionary, and the version is kept as its
/// parts (when, and whether a correction) rather than a <see cref="FactVersion"/> object; <see cref="Version"/>
/// makes one only to compare.
/// </summary>
/// <param name="Hours">As a float: hours are recorded in halves and quarters, which a float holds exactly.</param>
/// <param name="At">When the recording or correction occurred (UTC).</param>
/// <remarks>Auto layout lets the runtime pack the byte and the flag beside the float: 16 bytes instead of 24.</remarks>
[StructLayout(LayoutKind.Auto)]
public readonly record struct AttendanceMark(AttendanceStatus Status, float Hours, DateTime At, bool Corrected)
{
    public static AttendanceStatus StatusOf(string code) => code switch
    {
        "present" => AttendanceStatus.Present,
        "excused-absence" => AttendanceStatus.ExcusedAbsence,
        "unexcused-absence" => AttendanceStatus.UnexcusedAbsence,
        _ => AttendanceStatus.Other,
    };

    /// <summary>The latest recording or correction wins; a correction beats a recording at the same instant.</summary>
    public FactVersion Version() =>
        new(At, Corrected, FactVersion.KeyOf((int)Status, Hours.ToString("R", CultureInfo.InvariantCulture)));
}
