namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>The gender values events carry, as stable lower-case words.</summary>
public static class ParticipantGenders
{
    public const string Woman = "woman";
    public const string Man = "man";
    public const string Other = "other";

    public static bool IsKnown(string? value) => value is Woman or Man or Other;
}
