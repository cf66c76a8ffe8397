using System.Globalization;

namespace Finsam.Participants.Domain;

/// <summary>
/// A Swedish personnummer or samordningsnummer (day of birth + 60), validated for format, a real date
/// a living person can have (not in the future, at most <see cref="MaxAgeYears"/> years back) and the Luhn
/// check digit, and kept in the 12-digit form YYYYMMDDNNNC.
/// </summary>
public sealed record Personnummer
{
    private Personnummer(string value, DateOnly birthDate, bool isSamordningsnummer)
    {
        Value = value;
        BirthDate = birthDate;
        IsSamordningsnummer = isSamordningsnummer;
    }

    /// <summary>Older than anyone alive (the oldest verified age is 122): a birth date further back is a typo.</summary>
    public const int MaxAgeYears = 130;

    /// <summary>Twelve digits, no separator.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public bool IsSamordningsnummer { get; }

    /// <summary>
    /// Accepts YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC and YYMMDD+NNNC ('+' marks 100 years
    /// or older, as the Tax Agency writes it). <paramref name="today"/> decides the century of short forms.
    /// </summary>
    public static PersonnummerParseResult Parse(string? input, DateOnly today) => Parse(input, today, refuseBeyondLivingAge: true);

    /// <summary>Rebuilds a stored 12-digit value that was validated when it was registered (the person has aged since).</summary>
    public static Personnummer Restore(string twelveDigits) =>
        Parse(twelveDigits, DateOnly.MaxValue, refuseBeyondLivingAge: false).Value
        ?? throw new InvalidOperationException("A stored personnummer no longer validates.");

    private static PersonnummerParseResult Parse(string? input, DateOnly today, bool refuseBeyondLivingAge)
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            return PersonnummerParseResult.Fail("Personnummer saknas.");
        }

        if (!TrySplit(text, out var century, out var yymmdd, out var serial, out var hundredPlus))
        {
            return PersonnummerParseResult.Fail("Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.");
        }

        var yy = int.Parse(yymmdd[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(yymmdd[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(yymmdd[4..6], CultureInfo.InvariantCulture);
        var samordning = day > 60;
        var realDay = samordning ? day - 60 : day;

        int year;
        if (century is not null)
        {
            year = century.Value * 100 + yy;
        }
        else
        {
            // The most recent year with these two digits that isn't in the future; '+' adds a century of age.
            year = today.Year - ((today.Year - yy) % 100 + 100) % 100;
            if (hundredPlus)
            {
                year -= 100;
            }
        }

        if (month is < 1 or > 12 || realDay < 1 || year < 1 || realDay > DateTime.DaysInMonth(year, month))
        {
            return PersonnummerParseResult.Fail("Personnumret innehåller inget giltigt datum.");
        }

        var birthDate = new DateOnly(year, month, realDay);
        if (birthDate > today)
        {
            return PersonnummerParseResult.Fail("Personnumrets födelsedatum ligger i framtiden.");
        }

        // The check digit doesn't cover the century, so a mistyped one (09…, 18…) would otherwise pass as
        // someone born centuries ago; nobody that old is alive to take part.
        if (refuseBeyondLivingAge && birthDate < today.AddYears(-MaxAgeYears))
        {
            return PersonnummerParseResult.Fail($"Personnumrets födelsedatum ligger mer än {MaxAgeYears} år tillbaka.");
        }

        if (!LuhnValid(yymmdd + serial))
        {
            return PersonnummerParseResult.Fail("Personnumrets kontrollsiffra stämmer inte.");
        }

        var value = year.ToString("D4", CultureInfo.InvariantCulture) + yymmdd[2..] + serial;
        return PersonnummerParseResult.Ok(new Personnummer(value, birthDate, samordning));
    }

    /// <summary>Computes the check digit for nine digits (YYMMDDNNN); used by tests and demo data.</summary>
    public static int CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - sum % 10) % 10;
    }

    private static bool LuhnValid(string tenDigits) => CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';

    private static bool TrySplit(string text, out int? century, out string yymmdd, out string serial, out bool hundredPlus)
    {
        century = null;
        yymmdd = serial = "";
        hundredPlus = false;
        string digits;
        switch (text.Length)
        {
            case 13 when text[8] is '-' or '+':
                digits = text.Remove(8, 1);
                break;
            case 12:
                digits = text;
                break;
            case 11 when text[6] is '-' or '+':
                hundredPlus = text[6] == '+';
                digits = text.Remove(6, 1);
                break;
            case 10:
                digits = text;
                break;
            default:
                return false;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits.Length == 12)
        {
            century = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            digits = digits[2..];
        }

        yymmdd = digits[..6];
        serial = digits[6..];
        return true;
    }
}

public readonly record struct PersonnummerParseResult(Personnummer? Value, string? Error)
{
    public bool IsValid => Value is not null;

    public static PersonnummerParseResult Ok(Personnummer value) => new(value, null);

    public static PersonnummerParseResult Fail(string error) => new(null, error);
}
