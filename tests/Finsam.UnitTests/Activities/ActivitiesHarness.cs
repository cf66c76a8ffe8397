using Finsam.Activities.Infrastructure;
using Finsam.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.UnitTests.Activities;

/// <summary>The activities service's handlers over a real LiteDB store (see <see cref="ServiceHarness"/>).</summary>
public sealed class ActivitiesHarness : ServiceHarness
{
    /// <summary>Monday 2 March 2026, 09:00 UTC (10:00 in Stockholm).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private ActivitiesHarness()
        : base("activities", DefaultNow)
    {
    }

    public static async Task<ActivitiesHarness> StartAsync()
    {
        var harness = new ActivitiesHarness();
        await harness.InitializeAsync();
        return harness;
    }

    public static Caller As(string role, string subject = "tester", string? agency = null, params string[] insatser) =>
        new(subject, role, agency, insatser.ToHashSet());

    protected override void Register(IServiceCollection services) => services.AddActivitiesApplication();
}
