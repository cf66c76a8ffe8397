namespace Finsam.Participants.Domain;

/// <summary>A registered person. The id is opaque and is all other services ever see of them.</summary>
public sealed class Participant
{
    public Participant(string id, Personnummer personnummer, PersonName name, Gender gender, DateTime registeredAt)
    {
        Id = id;
        Personnummer = personnummer;
        Name = name;
        Gender = gender;
        RegisteredAt = registeredAt;
    }

    public string Id { get; }

    public Personnummer Personnummer { get; }

    public PersonName Name { get; }

    public Gender Gender { get; }

    public int BirthYear => Personnummer.BirthDate.Year;

    public DateTime RegisteredAt { get; }

    /// <summary>A new, time-ordered id that says nothing about the person.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString();
}

public sealed record PersonName(string Given, string Family);
