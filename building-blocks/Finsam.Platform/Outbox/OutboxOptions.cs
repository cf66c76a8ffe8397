namespace Finsam.Platform.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Collections whose documents derive from <see cref="OutboxDocument"/>.</summary>
    public List<string> Collections { get; } = [];

    /// <summary>How often to look for pending events when nobody signals.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirm before the round is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between retries while the broker is away.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 100;
}
