using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Finsam.UnitTests.Platform.Validation;

/// <summary>
/// FreeText over generated strings drawn from the characters that matter (letters, spaces, line breaks,
/// tabs, C0 and C1 controls, both surrogate halves, a whole surrogate pair): it never stores a control
/// character or a broken surrogate, never refuses clean text, and gives exactly one violation when it refuses.
/// </summary>
public sealed class FreeTextPropertyTests
{
    private const int Max = 12;

    [Property(Arbitrary = [typeof(FreeTextArbitraries)], MaxTest = 2000)]
    public void Accepted_text_is_trimmed_printable_and_within_the_limit(FreeTextSample sample)
    {
        var violations = new List<FieldViolation>();

        var text = FreeText.Validate(sample.Value, "note", "Anteckningen", Max, sample.Required, sample.Multiline, violations);

        if (text is null)
        {
            Assert.Equal("note", Assert.Single(violations).Field);
            return;
        }

        Assert.Empty(violations);
        Assert.Equal(text.Trim(), text);
        Assert.True(text.Length <= Max);
        Assert.DoesNotContain('\r', text);
        Assert.All(text, c => Assert.True(!char.IsControl(c) || (sample.Multiline && c == '\n'), $"U+{(int)c:X4} in \"{text}\""));
        Assert.True(text.Length > 0 || !sample.Required);
        AssertNoLoneSurrogate(text);
    }

    [Property(Arbitrary = [typeof(FreeTextArbitraries)], MaxTest = 2000)]
    public void Clean_text_within_the_limit_is_accepted_as_written_and_nothing_else_is(FreeTextSample sample)
    {
        var expected = (sample.Multiline ? sample.Value.Replace("\r\n", "\n", StringComparison.Ordinal) : sample.Value).Trim();
        var clean = expected.Length <= Max
            && expected.All(c => !char.IsControl(c) || (sample.Multiline && c == '\n'))
            && !HasLoneSurrogate(expected);
        var accepted = clean && (expected.Length > 0 || !sample.Required);
        var violations = new List<FieldViolation>();

        var text = FreeText.Validate(sample.Value, "note", "Anteckningen", Max, sample.Required, sample.Multiline, violations);

        Assert.Equal(accepted ? expected : null, text);
        Assert.Equal(accepted ? 0 : 1, violations.Count);
    }

    private static void AssertNoLoneSurrogate(string text) => Assert.False(HasLoneSurrogate(text), $"lone surrogate in \"{text}\"");

    // Written independently of FreeText: a pair is a high half directly followed by a low half.
    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record FreeTextSample(string Value, bool Required, bool Multiline)
{
    public override string ToString() =>
        $"{string.Concat(Value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"))} required={Required} multiline={Multiline}";
}

public static class FreeTextArbitraries
{
    private static readonly string[] Pieces =
        ["a", "Ö", "é", " ", "\u00a0", "\n", "\r", "\r\n", "\t", "\0", "\u001b", "\u007f", "\u0085", "\ud83d", "\ude00", "😀", "\ufffd"];

    public static Arbitrary<FreeTextSample> Samples() =>
        (from count in Gen.Choose(0, 16)
         from pieces in Gen.Elements(Pieces).ArrayOf(count)
         from required in Gen.Elements(false, true)
         from multiline in Gen.Elements(false, true)
         select new FreeTextSample(string.Concat(pieces), required, multiline))
        .ToArbitrary();
}
