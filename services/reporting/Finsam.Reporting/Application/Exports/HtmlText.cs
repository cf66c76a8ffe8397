using System.Text;

namespace Finsam.Reporting.Application.Exports;

/// <summary>
/// HTML encoding of text for element content and quoted attributes. Only the five markup characters are replaced, so
/// åäö stay readable when the report is pasted into a document.
/// </summary>
public static class HtmlText
{
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}
