namespace Calendar.Service.Tests;

/// <summary>Waits for something the service does in the background (a reload, a job run), with a deadline.</summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }

    public static Task<T> Get<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        Get(() => Task.FromResult(probe()), done, what, timeout);
}
