using System.Globalization;

namespace Finsam.Testing;

/// <summary>
/// Makes valid, unique personnummer for tests. The Luhn check is written again here on purpose rather
/// than borrowed from the participants service: an independent implementation checks the real one.
/// </summary>
public static class TestPersonnummer
{
    private static int _sequence = Random.Shared.Next(0, 500);

    /// <summary>A valid 12-digit personnummer with a hyphen, e.g. 19850312-4567; unique within a test run.</summary>
    public static string Next(int birthYear = 1985)
    {
        var n = Interlocked.Increment(ref _sequence);
        var date = new DateOnly(birthYear, 1, 1).AddDays(n / 900 % 365);
        var serial = (n % 900 + 100).ToString("D3", CultureInfo.InvariantCulture);
        var nine = date.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial;
        return $"{date:yyyyMMdd}-{serial}{Luhn(nine)}";
    }

    public static int Luhn(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (10 - sum % 10) % 10;
    }
}
