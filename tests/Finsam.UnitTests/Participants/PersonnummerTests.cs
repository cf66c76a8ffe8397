using System.Globalization;
using Finsam.Participants.Domain;

namespace Finsam.UnitTests.Participants;

public sealed class PersonnummerTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>Builds a valid number from a date, a serial and a day offset (60 for samordningsnummer).</summary>
    private static string Build(DateOnly date, int serial, bool samordning = false, string separator = "-", bool twelveDigits = true)
    {
        var day = date.Day + (samordning ? 60 : 0);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{date.Year % 100:D2}{date.Month:D2}{day:D2}{serial:D3}");
        var ten = nine + Personnummer.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
        var prefix = twelveDigits ? (date.Year / 100).ToString("D2", CultureInfo.InvariantCulture) : "";
        return prefix + ten[..6] + separator + ten[6..];
    }

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("191212121212")]
    [InlineData("19121212+1212")]
    [InlineData("121212+1212")]
    [InlineData("  19121212-1212 ")]
    public void Tax_agency_test_number_parses_to_twelve_digits(string input)
    {
        var result = Personnummer.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
        Assert.Equal("191212121212", result.Value!.Value);
        Assert.Equal(new DateOnly(1912, 12, 12), result.Value.BirthDate);
        Assert.False(result.Value.IsSamordningsnummer);
    }

    [Theory]
    [InlineData("121212-1212")]
    [InlineData("1212121212")]
    public void Short_form_with_hyphen_or_no_separator_means_under_one_hundred(string input)
    {
        var result = Personnummer.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("201212121212", result.Value!.Value);
        Assert.Equal(new DateOnly(2012, 12, 12), result.Value.BirthDate);
    }

    [Fact]
    public void Short_form_century_is_inferred_relative_to_today()
    {
        var number = Build(new DateOnly(1950, 3, 4), 123, twelveDigits: false);

        Assert.Equal(1950, Personnummer.Parse(number, new DateOnly(2025, 6, 1)).Value!.BirthDate.Year);
        // In 2049 the same short form (with '-') still means someone under 100: born 1950.
        Assert.Equal(1950, Personnummer.Parse(number, new DateOnly(2049, 1, 1)).Value!.BirthDate.Year);
        // Seen from the last day of 1949, 1950 is in the future: with '-' it can only be 1850.
        Assert.Equal(1850, Personnummer.Parse(number, new DateOnly(1949, 12, 31)).Value!.BirthDate.Year);
    }

    [Fact]
    public void Plus_sign_adds_a_hundred_years()
    {
        // The same ten digits: the separator alone decides the century.
        var minus = Build(new DateOnly(2020, 1, 15), 42, separator: "-", twelveDigits: false);
        var plus = Build(new DateOnly(1920, 1, 15), 42, separator: "+", twelveDigits: false);
        Assert.Equal(minus.Replace('-', '+'), plus);

        Assert.Equal(new DateOnly(2020, 1, 15), Personnummer.Parse(minus, Today).Value!.BirthDate);
        Assert.Equal(new DateOnly(1920, 1, 15), Personnummer.Parse(plus, Today).Value!.BirthDate);
        Assert.StartsWith("1920", Personnummer.Parse(plus, Today).Value!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_digit_year_of_this_year_with_date_passed_is_this_year()
    {
        var number = Build(new DateOnly(2025, 5, 31), 1, twelveDigits: false);

        var result = Personnummer.Parse(number, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new DateOnly(2025, 5, 31), result.Value!.BirthDate);
    }

    [Fact]
    public void Samordningsnummer_has_day_plus_sixty_and_birth_date_minus_sixty()
    {
        var input = Build(new DateOnly(1970, 10, 3), 238, samordning: true);
        Assert.Equal("19701063", input[..8]);

        var result = Personnummer.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.True(result.Value!.IsSamordningsnummer);
        Assert.Equal(new DateOnly(1970, 10, 3), result.Value.BirthDate);
        Assert.Equal(input.Replace("-", "", StringComparison.Ordinal), result.Value.Value);
    }

    [Fact]
    public void Samordningsnummer_short_form_normalizes_to_twelve_digits()
    {
        var input = Build(new DateOnly(1985, 2, 28), 7, samordning: true, twelveDigits: false);

        var result = Personnummer.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("19" + input.Replace("-", "", StringComparison.Ordinal), result.Value!.Value);
        Assert.Equal(new DateOnly(1985, 2, 28), result.Value.BirthDate);
    }

    [Fact]
    public void Leap_day_is_valid_in_a_leap_year()
    {
        var result = Personnummer.Parse(Build(new DateOnly(2024, 2, 29), 5), Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new DateOnly(2024, 2, 29), result.Value!.BirthDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_is_refused(string? input)
    {
        var result = Personnummer.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData("19121212-121")] // too short
    [InlineData("19121212-12123")] // too long
    [InlineData("1912121212123")] // 13 digits
    [InlineData("12121212")] // 8 digits
    [InlineData("121212-121")]
    [InlineData("19121212-12A2")] // letter
    [InlineData("1912121X1212")]
    [InlineData("121212_1212")] // wrong separator
    [InlineData("1912-12121212")] // separator in the wrong place
    [InlineData("19121212 1212")]
    [InlineData("１９１２１２１２１２１２")] // full-width digits
    [InlineData("-121212-1212")]
    public void Malformed_input_is_refused(string input)
    {
        var result = Personnummer.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData(2023, 2, 29)] // not a leap year
    [InlineData(2024, 2, 30)]
    [InlineData(2023, 4, 31)]
    [InlineData(2023, 13, 1)]
    [InlineData(2023, 0, 10)]
    [InlineData(2023, 1, 0)]
    [InlineData(2023, 1, 32)]
    [InlineData(1900, 2, 29)] // 1900 was no leap year
    public void Impossible_dates_are_refused(int year, int month, int day)
    {
        var nine = string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{month:D2}{day:D2}123");
        var input = string.Create(CultureInfo.InvariantCulture, $"{year / 100:D2}{nine[..6]}-{nine[6..]}{Personnummer.CheckDigit(nine)}");

        var result = Personnummer.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Contains("datum", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)] // day 0 + 60
    [InlineData(92)] // day 32 + 60
    public void Impossible_samordningsnummer_days_are_refused(int day)
    {
        var nine = string.Create(CultureInfo.InvariantCulture, $"7001{day:D2}123");
        var input = $"19{nine}{Personnummer.CheckDigit(nine)}";

        Assert.False(Personnummer.Parse(input, Today).IsValid);
    }

    [Fact]
    public void Samordningsnummer_day_must_exist_in_its_month()
    {
        // April has 30 days: 31 + 60 = 91 is no date.
        var nine = "700491123";
        Assert.False(Personnummer.Parse($"19{nine}{Personnummer.CheckDigit(nine)}", Today).IsValid);
        nine = "700490123";
        Assert.True(Personnummer.Parse($"19{nine}{Personnummer.CheckDigit(nine)}", Today).IsValid);
    }

    [Fact]
    public void Future_birth_date_is_refused()
    {
        var tomorrow = Build(Today.AddDays(1), 100);
        var today = Build(Today, 100);

        var result = Personnummer.Parse(tomorrow, Today);

        Assert.False(result.IsValid);
        Assert.Contains("framtiden", result.Error, StringComparison.Ordinal);
        Assert.True(Personnummer.Parse(today, Today).IsValid);
    }

    [Fact]
    public void Wrong_check_digit_is_refused()
    {
        var result = Personnummer.Parse("19121212-1213", Today);

        Assert.False(result.IsValid);
        Assert.Contains("kontrollsiffra", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_digit_covers_the_date_digits()
    {
        // Swap two digits of the date: still a real date, but the Luhn sum changes.
        Assert.False(Personnummer.Parse("19121221-1212", Today).IsValid);
    }

    [Fact]
    public void Check_digit_of_the_tax_agency_test_number()
    {
        Assert.Equal(2, Personnummer.CheckDigit("121212121"));
        Assert.Equal(6, Personnummer.CheckDigit("811218987")); // 811218-9876, a commonly cited example
        Assert.Equal(0, Personnummer.CheckDigit("000000000"));
    }

    [Fact]
    public void Restore_rebuilds_a_stored_value()
    {
        var restored = Personnummer.Restore("191212121212");

        Assert.Equal("191212121212", restored.Value);
        Assert.Equal(new DateOnly(1912, 12, 12), restored.BirthDate);
        Assert.Throws<InvalidOperationException>(() => Personnummer.Restore("191212121213"));
    }

    [Fact]
    public void Generated_valid_numbers_parse_and_any_other_check_digit_fails()
    {
        var random = new Random(20250601);
        var earliest = new DateOnly(1900, 1, 1).DayNumber;
        var cases = 0;
        for (var i = 0; i < 2000; i++)
        {
            var date = DateOnly.FromDayNumber(random.Next(earliest, Today.DayNumber + 1));
            var serial = random.Next(0, 1000);
            var samordning = random.Next(4) == 0;
            var full = Build(date, serial, samordning, separator: random.Next(2) == 0 ? "-" : "");
            var shortForm = Build(date, serial, samordning, separator: date.Year > Today.Year - 100 ? "-" : "+", twelveDigits: false);
            var expectedValue = Build(date, serial, samordning, separator: "");

            foreach (var input in new[] { full, shortForm })
            {
                var result = Personnummer.Parse(input, Today);
                Assert.True(result.IsValid, $"{input}: {result.Error}");
                Assert.Equal(expectedValue, result.Value!.Value);
                Assert.Equal(date, result.Value.BirthDate);
                Assert.Equal(samordning, result.Value.IsSamordningsnummer);

                var check = input[^1] - '0';
                for (var other = 0; other < 10; other++)
                {
                    if (other == check)
                    {
                        continue;
                    }

                    var tampered = input[..^1] + other.ToString(CultureInfo.InvariantCulture);
                    Assert.False(Personnummer.Parse(tampered, Today).IsValid, $"{tampered} should fail the Luhn check");
                }

                cases++;
            }
        }

        Assert.Equal(4000, cases);
    }
}
