namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Numbers texts 0, 1, 2 … in the order first met, equal texts (ordinal) alike: a section counts by number, in arrays,
/// instead of in a dictionary keyed by text.
/// </summary>
/// <remarks>
/// The same few texts come back hundreds of thousands of times (an insats id per stay), mostly as the same instances
/// (the string pool, the events' shared values). Hashing a 36-character id costs more than the rest of a stay's
/// counting, so the last instances met are remembered and compared by reference first; only an instance not among
/// them is hashed. A text met as many instances (each stay its own copy) is still numbered right, only slower.
/// </remarks>
internal sealed class TextNumbers
{
    private const int RememberedInstances = 16;

    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly string?[] _instances = new string?[RememberedInstances];
    private readonly int[] _numbers = new int[RememberedInstances];
    private int _next;

    /// <summary>The texts by number.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>The text's number, giving it the next one when it is new.</summary>
    public int NumberOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text); // an empty slot of the instances holds null
        for (var i = 0; i < RememberedInstances; i++)
        {
            if (ReferenceEquals(_instances[i], text))
            {
                return _numbers[i];
            }
        }

        if (!_byText.TryGetValue(text, out var number))
        {
            number = _texts.Count;
            _texts.Add(text);
            _byText[text] = number;
        }

        // Remember this instance in place of the oldest remembered one.
        _instances[_next] = text;
        _numbers[_next] = number;
        _next = (_next + 1) % RememberedInstances;
        return number;
    }

    /// <summary>The text's number; null when it has none yet.</summary>
    public int? Find(string text) => _byText.TryGetValue(text, out var number) ? number : null;
}
