using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.UnitTests.Participants;

/// <summary>
/// The participants service's handlers over a real LiteDB store (see <see cref="ServiceHarness"/>). Only the
/// activities catalogue is stood in for (<see cref="Catalogue"/>), since it belongs to another service.
/// </summary>
public sealed class ParticipantsHarness : ServiceHarness
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private ParticipantsHarness()
        : base("participants", DefaultNow)
    {
    }

    public InMemoryInsatsCatalogue Catalogue { get; } = new();

    public static async Task<ParticipantsHarness> StartAsync()
    {
        var harness = new ParticipantsHarness();
        await harness.InitializeAsync();
        return harness;
    }

    public static AccessContext As(string role, string subject = "tester", string? agency = null, params string[] insatser) =>
        new(new Caller(subject, role, agency, insatser.ToHashSet()), AccessPurposes.Handlaggning);

    protected override void Register(IServiceCollection services)
    {
        services.AddSingleton<IInsatsCatalogue>(Catalogue);
        services.AddParticipantsApplication();
    }
}

/// <summary>The activities catalogue as the test defines it.</summary>
public sealed class InMemoryInsatsCatalogue : IInsatsCatalogue
{
    private readonly Dictionary<string, InsatsInfo> _insatser = new(StringComparer.Ordinal);

    public InsatsInfo Add(string id, int budgetedPlaces = 10, string kind = "individual", int? planDeadlineDays = null)
    {
        var insats = new InsatsInfo(id, $"Insats {id}", kind, budgetedPlaces, planDeadlineDays);
        _insatser[id] = insats;
        return insats;
    }

    public Task<InsatsInfo?> GetAsync(string insatsId, CancellationToken cancellationToken) =>
        Task.FromResult(_insatser.GetValueOrDefault(insatsId));
}
