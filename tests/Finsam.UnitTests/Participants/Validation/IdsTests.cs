using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Validation;

/// <summary>The one id rule: present, at most 64 characters, no whitespace or control characters inside; trimmed.</summary>
public sealed class IdsTests
{
    private static (string? Id, List<FieldViolation> Violations) Validate(string? value, bool required = true)
    {
        var violations = new List<FieldViolation>();
        var id = Ids.Validate(value, "referral_id", "Remiss-id", required, violations);
        return (id, violations);
    }

    private static FieldViolation Refused((string? Id, List<FieldViolation> Violations) result)
    {
        Assert.Null(result.Id);
        var violation = Assert.Single(result.Violations);
        Assert.Equal("referral_id", violation.Field);
        Assert.StartsWith("Remiss-id ", violation.Description, StringComparison.Ordinal);
        return violation;
    }

    [Theory]
    [InlineData("0195a3c4-7d2e-7b41-9c3f-2b8e4f6a1d09", "0195a3c4-7d2e-7b41-9c3f-2b8e4f6a1d09")]
    [InlineData("insats-steget", "insats-steget")]
    [InlineData("  insats-steget\t", "insats-steget")]
    [InlineData("removed:abc", "removed:abc")]
    public void A_valid_id_is_returned_trimmed(string value, string expected)
    {
        var (id, violations) = Validate(value);

        Assert.Equal(expected, id);
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_required_id_is_refused_as_missing(string? value)
    {
        Assert.Equal("Remiss-id saknas.", Refused(Validate(value)).Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_optional_id_is_null_without_a_violation(string? value)
    {
        var (id, violations) = Validate(value, required: false);

        Assert.Null(id);
        Assert.Empty(violations);
    }

    [Fact]
    public void Sixty_four_characters_are_allowed_and_sixty_five_are_not()
    {
        Assert.Equal(new string('a', Ids.MaxLength), Validate(new string('a', Ids.MaxLength)).Id);

        Assert.Contains($"högst {Ids.MaxLength} tecken", Refused(Validate(new string('a', Ids.MaxLength + 1))).Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc def")]
    [InlineData("abc\tdef")]
    [InlineData("abc\ndef")]
    [InlineData("abc\u00a0def")]
    [InlineData("abc\u2003def")]
    [InlineData("abc\0")]
    [InlineData("abc\u007f")]
    public void Whitespace_and_control_characters_inside_are_refused(string value)
    {
        Assert.Contains("ogiltigt", Refused(Validate(value)).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built in code: as an attribute argument it would arrive as U+FFFD.
        Assert.Contains("ogiltigt", Refused(Validate("abc" + '\ud83d')).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_id_that_is_malformed_is_still_refused()
    {
        Refused(Validate("a b", required: false));
    }

    [Fact]
    public void Require_returns_the_trimmed_id()
    {
        Assert.Equal("p-1", Ids.Require(" p-1 ", "participant_id", "Deltagar-id"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("p 1")]
    public void Require_throws_invalid_argument_naming_the_field(string? value)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => Ids.Require(value, "participant_id", "Deltagar-id"));

        Assert.Equal("participant_id", Assert.Single(ex.Violations).Field);
    }
}
