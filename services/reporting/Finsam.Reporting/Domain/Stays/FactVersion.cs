using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Finsam.Reporting.Domain.Stays;

/// <summary>
/// Orders two versions of the same part of a stay (its start, its end) whatever order they arrived in: the one
/// that occurred later wins. On a tie in <see cref="OccurredAt"/> a correction beats the original (it can only
/// have been made after it), and two of the same kind are told apart by <see cref="ContentKey"/>, a number made
/// from their facts (<see cref="KeyOf"/>). That last pick is arbitrary but never depends on arrival order, so a
/// rebuild from the journal in any order gives the same entity. An identical version (a duplicate) compares equal
/// and changes nothing.
/// </summary>
/// <remarks>
/// The key used to be the facts' text itself: a copy of every fact of every stay, assessment, referral and plan,
/// held in memory and stored, for a tie-break that two versions at the same instant almost never need. A 64-bit
/// digest of that text orders the same way for every practical purpose (two different facts share one with a
/// chance of 2⁻⁶⁴, and only then would arrival order decide) at 8 bytes.
/// </remarks>
public sealed record FactVersion(DateTime OccurredAt, bool IsCorrection, long ContentKey) : IComparable<FactVersion>
{
    public int CompareTo(FactVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        // Events carry OccurredAt in UTC; DateTime compares ticks and ignores Kind.
        var byTime = OccurredAt.CompareTo(other.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = IsCorrection.CompareTo(other.IsCorrection);
        return byKind != 0 ? byKind : ContentKey.CompareTo(other.ContentKey);
    }

    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="current"/> (strictly newer).</summary>
    public static bool Supersedes(FactVersion candidate, FactVersion? current) => current is null || candidate.CompareTo(current) > 0;

    /// <summary>A stable digest of the facts, for the tie-break only: the first 8 bytes of the SHA-256 of their text.</summary>
    public static long KeyOf(params object?[] parts)
    {
        var text = TextOf(parts);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadInt64BigEndian(digest);
    }

    /// <summary>The facts as one text: culture-invariant, lists joined, null as its own mark.</summary>
    private static string TextOf(object?[] parts) =>
        string.Join('\u001f', parts.Select(p => p switch
        {
            null => "\u2400",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IEnumerable<string> list when p is not string => string.Join('\u001e', list),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
}
