using System.Text.Json.Serialization;

namespace Finsam.EndToEndTests;

// The REST shapes the gateway returns (camelCase JSON from gRPC transcoding).
public sealed record ParticipantJson(string ParticipantId, string Gender, int BirthYear, DateTime RegisteredAt, bool Samordningsnummer);

public sealed record SummaryJson(int RegisteredParticipants, int Women, int Men, int Other);

public sealed record HealthJson(string Status, Dictionary<string, string> Services);

public sealed record ErrorJson(int Code, string Message, List<ErrorDetailJson> Details);

public sealed record ErrorDetailJson(
    [property: JsonPropertyName("@type")] string Type,
    List<FieldViolationJson>? FieldViolations,
    string? Reason);

public sealed record FieldViolationJson(string Field, string Description);

public sealed record InsatsJson(string InsatsId, string Name, string Kind, int BudgetedPlaces);

public sealed record InsatsListJson(List<InsatsJson> Insatser, string? NextPageToken);
