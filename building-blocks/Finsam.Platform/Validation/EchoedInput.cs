namespace Finsam.Platform.Validation;

/// <summary>
/// Error messages quote what the caller sent ("Okänd kod \"…\""), so they can say what was wrong; a long
/// value is cut so it can't flood a response or a log.
/// </summary>
public static class EchoedInput
{
    public const int MaxLength = 40;

    public static string Shorten(string value)
    {
        if (value.Length <= MaxLength)
        {
            return value;
        }

        // Never cut between the two halves of a surrogate pair: the message would carry a broken character.
        var cut = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return value[..cut] + "…";
    }
}
