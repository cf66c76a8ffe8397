using System.Text.RegularExpressions;

namespace Finsam.Platform.Correlation;

/// <summary>
/// The correlation id of the work in progress. Set from the incoming request (or message) and carried
/// on to outgoing gRPC calls and published events, so one id ties a user's request to everything it caused.
/// </summary>
public static partial class CorrelationContext
{
    /// <summary>The header on HTTP requests, gRPC metadata and bus messages.</summary>
    public const string HeaderName = "X-Correlation-ID";

    /// <summary>The log property name.</summary>
    public const string LogProperty = "CorrelationId";

    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }

    /// <summary>Accepts a caller's id only if it is short and plain, so logs can't be forged through it.</summary>
    public static bool IsValid(string? value) => value is { Length: > 0 and <= 64 } && Allowed().IsMatch(value);

    public static string NewId() => Guid.NewGuid().ToString("N");

    // \z, not $: in .NET, $ also matches before a final newline, which would let "id\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex Allowed();
}
