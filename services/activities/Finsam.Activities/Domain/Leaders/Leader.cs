namespace Finsam.Activities.Domain.Leaders;

/// <summary>
/// A group leader (kursledare), known by the subject of their sign-in token, with the agency they work for and
/// their qualifications as lowercase tokens (e.g. "redo-certifierad-arbetsterapeut").
/// </summary>
public sealed record Leader(string Subject, string DisplayName, string Agency, IReadOnlyList<string> Qualifications, DateTime RegisteredAt)
{
    public bool Holds(string qualification) => Qualifications.Contains(qualification, StringComparer.Ordinal);
}
