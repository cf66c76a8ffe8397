namespace Finsam.Participants.Domain;

/// <summary>Kvinna, man, annat: as the person states it, not derived from the personnummer.</summary>
public enum Gender
{
    Woman = 1,
    Man = 2,
    Other = 3,
}
