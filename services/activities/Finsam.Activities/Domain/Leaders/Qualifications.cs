using System.Text.RegularExpressions;

namespace Finsam.Activities.Domain.Leaders;

/// <summary>
/// A qualification is a lowercase token of letters a–z, digits and single hyphens (e.g.
/// "redo-certifierad-arbetsterapeut"), so a format's requirement and a leader's qualification compare by plain
/// equality: no case, accent or spacing variants that look alike and don't match.
/// </summary>
public static partial class Qualifications
{
    public const int MaxLength = 100;

    public static bool IsValidToken(string? token) => token is { Length: > 0 and <= MaxLength } && TokenPattern().IsMatch(token);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
