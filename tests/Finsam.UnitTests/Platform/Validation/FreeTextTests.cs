using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.UnitTests.Platform.Validation;

/// <summary>The one free-text rule: trim, required, length, control characters (line breaks only when multi-line), lone surrogates.</summary>
public sealed class FreeTextTests
{
    private const int Max = 10;

    private static (string? Text, List<FieldViolation> Violations) Validate(string? value, bool required = true, bool multiline = false, int max = Max)
    {
        var violations = new List<FieldViolation>();
        var text = FreeText.Validate(value, "purpose", "Syftet", max, required, multiline, violations);
        return (text, violations);
    }

    private static FieldViolation Refused((string? Text, List<FieldViolation> Violations) result)
    {
        Assert.Null(result.Text);
        var violation = Assert.Single(result.Violations);
        Assert.Equal("purpose", violation.Field);
        Assert.StartsWith("Syftet ", violation.Description, StringComparison.Ordinal);
        return violation;
    }

    [Theory]
    [InlineData("  Stöd  ", "Stöd")]
    [InlineData("\tÅsa Öberg\n", "Åsa Öberg")]
    [InlineData("Émile Zoë", "Émile Zoë")]
    public void Text_is_trimmed(string value, string expected)
    {
        var (text, violations) = Validate(value);

        Assert.Equal(expected, text);
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\r\n")]
    public void Missing_required_text_is_refused_as_missing(string? value)
    {
        Assert.Equal("Syftet saknas.", Refused(Validate(value, multiline: true)).Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_optional_text_is_empty_without_a_violation(string? value)
    {
        var (text, violations) = Validate(value, required: false);

        Assert.Equal("", text);
        Assert.Empty(violations);
    }

    [Fact]
    public void The_maximum_length_is_allowed_and_counted_after_trimming()
    {
        var (text, violations) = Validate("  " + new string('å', Max) + "  ");

        Assert.Equal(new string('å', Max), text);
        Assert.Empty(violations);
    }

    [Fact]
    public void One_character_over_the_maximum_is_refused_naming_the_maximum()
    {
        Assert.Equal($"Syftet får vara högst {Max} tecken.", Refused(Validate(new string('a', Max + 1))).Description);
    }

    [Theory]
    [InlineData("rad ett\nrad två")]
    [InlineData("rad ett\rrad två")]
    [InlineData("rad ett\r\nrad två")]
    [InlineData("kolumn\tkolumn")]
    [InlineData("noll\0tecken")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("nästa\u0085rad")]
    [InlineData("c1\u009b")]
    public void A_one_line_text_refuses_every_control_character(string value)
    {
        Assert.Contains("otillåtna tecken", Refused(Validate(value, max: 100)).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_text_keeps_its_line_breaks()
    {
        var (text, violations) = Validate("Mål:\n- arbete\n\n- studier", multiline: true, max: 100);

        Assert.Equal("Mål:\n- arbete\n\n- studier", text);
        Assert.Empty(violations);
    }

    [Fact]
    public void A_multi_line_text_stores_windows_line_breaks_as_newlines()
    {
        var (text, violations) = Validate("\r\nett\r\ntvå\r\n", multiline: true, max: 100);

        Assert.Equal("ett\ntvå", text);
        Assert.Empty(violations);
    }

    [Fact]
    public void Windows_line_breaks_count_as_one_character()
    {
        // Ten characters once "\r\n" is "\n": within the maximum although the request had eleven.
        var (text, violations) = Validate("abcd\r\nefghi", multiline: true);

        Assert.Equal("abcd\nefghi", text);
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("gammal\rmac")]
    [InlineData("kolumn\tkolumn")]
    [InlineData("rad\n\0")]
    [InlineData("klocka\u0007")]
    [InlineData("rad\u0085två")]
    public void A_multi_line_text_refuses_other_control_characters(string value)
    {
        Assert.Contains("radbrytningar går bra", Refused(Validate(value, multiline: true, max: 100)).Description, StringComparison.Ordinal);
    }

    // Attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD: the test data spells
    // them {H} (high half) and {L} (low half) and builds the string here.
    [Theory]
    [InlineData("hög {H} halva")]
    [InlineData("låg {L} halva")]
    [InlineData("omvänd {L}{H}")]
    [InlineData("sist {H}")]
    public void Lone_surrogates_are_refused(string template)
    {
        var value = template.Replace("{H}", "\ud83d", StringComparison.Ordinal).Replace("{L}", "\ude00", StringComparison.Ordinal);

        Refused(Validate(value, max: 100));
        Refused(Validate(value, multiline: true, max: 100));
    }

    [Theory]
    [InlineData("Glad 😀")]
    [InlineData("Ersatt \ufffd tecken")]
    [InlineData("Hårt\u00a0mellanslag")]
    [InlineData("Tankstreck – och “citat”")]
    [InlineData("Ŋ ŋ ŧ Ø æ ß")]
    public void Everything_else_printable_is_allowed(string value)
    {
        var (text, violations) = Validate(value, max: 100);

        Assert.Equal(value, text);
        Assert.Empty(violations);
    }

    [Fact]
    public void Violations_are_added_to_the_callers_list()
    {
        var violations = new List<FieldViolation> { new("earlier", "Tidigare fel.") };

        FreeText.Validate("", "given_name", "Förnamn", 100, required: true, multiline: false, violations);
        FreeText.Validate("An\tna", "family_name", "Efternamn", 100, required: true, multiline: false, violations);

        Assert.Equal(["earlier", "given_name", "family_name"], violations.Select(v => v.Field));
    }
}
