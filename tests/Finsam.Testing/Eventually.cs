namespace Finsam.Testing;

/// <summary>Polls until a condition holds: events are asynchronous, so tests wait for the fact, not a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {because}; last value: {last}");
    }
}
