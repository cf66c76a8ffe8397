using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Finsam.Participants.Domain;

namespace Finsam.UnitTests.Participants;

/// <summary>
/// Properties of personnummer validation over generated numbers: real birth dates 1900–2020, any birth
/// number, the Luhn check digit, 10 and 12 digits, with and without separator, samordningsnummer, and a
/// "today" anywhere in 2021–2029.
/// <para>
/// What a single-digit change does: the check digit covers the ten digits YYMMDDNNNC, and Luhn catches every
/// single-digit change among them, so those always fail. The century of the 12-digit form is NOT covered by
/// the check digit (the Tax Agency's number is the ten digits; the century is written out, or implied by '-'
/// and '+'). A changed century is caught only when it makes the birth date impossible for a living person:
/// in the future, or more than <see cref="Personnummer.MaxAgeYears"/> years back. Otherwise the change
/// names another valid number (19121212-1212 and 20121212-1212 are two people) — the documented exception,
/// and the property says exactly what it may look like.
/// </para>
/// </summary>
public sealed class PersonnummerPropertyTests
{
    [Property(Arbitrary = [typeof(PersonnummerArbitraries)], MaxTest = 1000)]
    public void Generated_valid_numbers_parse_with_their_birth_date(GeneratedPersonnummer number)
    {
        var result = Personnummer.Parse(number.Text, number.Today);

        Assert.True(result.IsValid, $"{number}: {result.Error}");
        Assert.Equal(number.TwelveDigits, result.Value!.Value);
        Assert.Equal(number.BirthDate, result.Value.BirthDate);
        Assert.Equal(number.Samordning, result.Value.IsSamordningsnummer);
    }

    [Property(Arbitrary = [typeof(PersonnummerArbitraries)], MaxTest = 300)]
    public void Any_single_digit_change_under_the_check_digit_fails(GeneratedPersonnummer number)
    {
        // Every position of the ten checked digits, every other digit: 90 changed numbers per generated one.
        foreach (var index in number.CheckedDigitIndexes)
        {
            foreach (var digit in OtherDigits(number.Text[index]))
            {
                var changed = Replace(number.Text, index, digit);
                Assert.False(Personnummer.Parse(changed, number.Today).IsValid, $"{changed} (from {number}) was accepted");
            }
        }
    }

    [Property(Arbitrary = [typeof(PersonnummerArbitraries)], MaxTest = 300)]
    public void A_changed_century_fails_unless_it_names_another_possible_birth_date_a_hundred_years_away(GeneratedPersonnummer number)
    {
        foreach (var index in number.CenturyDigitIndexes)
        {
            foreach (var digit in OtherDigits(number.Text[index]))
            {
                var changed = Replace(number.Text, index, digit);
                var result = Personnummer.Parse(changed, number.Today);
                if (!result.IsValid)
                {
                    continue;
                }

                // The exception: same ten digits, a date exactly a century away, and one a living person can have.
                var other = result.Value!;
                Assert.Equal(number.TwelveDigits[2..], other.Value[2..]);
                Assert.Equal(100, Math.Abs(other.BirthDate.Year - number.BirthDate.Year));
                Assert.Equal((number.BirthDate.Month, number.BirthDate.Day), (other.BirthDate.Month, other.BirthDate.Day));
                Assert.InRange(other.BirthDate, number.Today.AddYears(-Personnummer.MaxAgeYears), number.Today);
            }
        }
    }

    [Fact]
    public void Century_swaps_the_check_digit_cannot_see_are_two_valid_people()
    {
        var today = new DateOnly(2026, 3, 2);

        Assert.Equal(new DateOnly(1912, 12, 12), Personnummer.Parse("19121212-1212", today).Value!.BirthDate);
        Assert.Equal(new DateOnly(2012, 12, 12), Personnummer.Parse("20121212-1212", today).Value!.BirthDate);
    }

    [Theory]
    [InlineData("00121212-1212")] // year 12
    [InlineData("09121212-1212")]
    [InlineData("18121212-1212")] // 214 years old
    [InlineData("18951231-1234")]
    public void Birth_dates_beyond_any_living_age_are_refused(string input)
    {
        var nine = input[2..8] + input[9..12];
        var withCheckDigit = input[..12] + Personnummer.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);

        var result = Personnummer.Parse(withCheckDigit, new DateOnly(2026, 3, 2));

        Assert.False(result.IsValid);
        Assert.Contains("130 år", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_oldest_possible_birth_date_is_accepted_and_the_day_before_is_not()
    {
        var today = new DateOnly(2026, 3, 2);
        var oldest = today.AddYears(-Personnummer.MaxAgeYears);

        Assert.True(Personnummer.Parse(GeneratedPersonnummer.Of(oldest, 123, today).Text, today).IsValid);
        Assert.False(Personnummer.Parse(GeneratedPersonnummer.Of(oldest.AddDays(-1), 123, today).Text, today).IsValid);
    }

    [Fact]
    public void A_stored_number_is_restored_whatever_its_age()
    {
        // Stored values were validated on the day they were registered; reading one back later must not fail.
        Assert.Equal(new DateOnly(1890, 1, 15), Personnummer.Restore(GeneratedPersonnummer.Of(new DateOnly(1890, 1, 15), 42, new DateOnly(2000, 1, 1)).TwelveDigits).BirthDate);
    }

    private static IEnumerable<char> OtherDigits(char digit) => "0123456789".Where(d => d != digit);

    private static string Replace(string text, int index, char digit) => string.Concat(text.AsSpan(0, index), [digit], text.AsSpan(index + 1));
}

public enum PersonnummerForm
{
    TwelveWithSeparator,
    TwelveDigitsOnly,
    TenWithSeparator,
    TenDigitsOnly,
}

/// <summary>A valid number built from its parts; <see cref="Text"/> is what a user would type.</summary>
public sealed record GeneratedPersonnummer(DateOnly BirthDate, int BirthNumber, bool Samordning, PersonnummerForm Form, DateOnly Today)
{
    public static GeneratedPersonnummer Of(DateOnly birthDate, int birthNumber, DateOnly today) =>
        new(birthDate, birthNumber, false, PersonnummerForm.TwelveWithSeparator, today);

    /// <summary>YYMMDDNNNC: what the check digit covers. Samordningsnummer add 60 to the day.</summary>
    public string TenDigits
    {
        get
        {
            var day = BirthDate.Day + (Samordning ? 60 : 0);
            var nine = string.Create(CultureInfo.InvariantCulture, $"{BirthDate.Year % 100:D2}{BirthDate.Month:D2}{day:D2}{BirthNumber:D3}");
            return nine + Personnummer.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
        }
    }

    public string TwelveDigits => (BirthDate.Year / 100).ToString("D2", CultureInfo.InvariantCulture) + TenDigits;

    /// <summary>
    /// The Tax Agency's rule for the short form: '-' until the year the person turns 100, '+' from then on.
    /// Without a separator the short form can only mean someone younger.
    /// </summary>
    public bool HundredOrOlderThisYear => BirthDate.Year <= Today.Year - 100;

    public string Text => Form switch
    {
        PersonnummerForm.TwelveWithSeparator => TwelveDigits[..8] + "-" + TwelveDigits[8..],
        PersonnummerForm.TwelveDigitsOnly => TwelveDigits,
        PersonnummerForm.TenWithSeparator => TenDigits[..6] + (HundredOrOlderThisYear ? "+" : "-") + TenDigits[6..],
        _ => TenDigits,
    };

    /// <summary>Where in <see cref="Text"/> the ten checked digits are.</summary>
    public IEnumerable<int> CheckedDigitIndexes => Enumerable.Range(0, Text.Length).Where(i => char.IsAsciiDigit(Text[i])).Skip(Text.Count(char.IsAsciiDigit) - 10);

    /// <summary>Where the century is written: the first two characters of the 12-digit forms, none in the short ones.</summary>
    public IEnumerable<int> CenturyDigitIndexes => Form is PersonnummerForm.TwelveWithSeparator or PersonnummerForm.TwelveDigitsOnly ? [0, 1] : [];

    public override string ToString() => $"{Text} (born {BirthDate:yyyy-MM-dd}, today {Today:yyyy-MM-dd})";
}

public static class PersonnummerArbitraries
{
    private static Gen<DateOnly> DayBetween(DateOnly first, DateOnly last) =>
        Gen.Choose(first.DayNumber, last.DayNumber).Select(DateOnly.FromDayNumber);

    public static Arbitrary<GeneratedPersonnummer> Valid() =>
        (from birthDate in DayBetween(new DateOnly(1900, 1, 1), new DateOnly(2020, 12, 31))
         from birthNumber in Gen.Choose(0, 999)
         from samordning in Gen.Elements(false, true)
         from form in Gen.Elements(Enum.GetValues<PersonnummerForm>())
         from today in DayBetween(new DateOnly(2021, 1, 1), new DateOnly(2029, 12, 31))
         let number = new GeneratedPersonnummer(birthDate, birthNumber, samordning, form, today)
         // Digits only can't say "100 or older": such a person's short form always has its '+'.
         select number.Form == PersonnummerForm.TenDigitsOnly && number.HundredOrOlderThisYear
             ? number with { Form = PersonnummerForm.TenWithSeparator }
             : number)
        .ToArbitrary();
}
