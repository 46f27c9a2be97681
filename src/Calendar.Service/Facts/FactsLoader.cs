using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>What one attempt to load a facts folder found, and the unexpected exception behind its errors if any (for the log).</summary>
internal sealed record FactsLoad(FactSet? Facts, FactsVersion? Version, IReadOnlyList<FactError> Errors, Exception? Exception = null)
{
    public bool Succeeded => Facts is not null && Version is not null;
}

/// <summary>Loads a facts folder; a delegate so that tests can stand in a load that hangs or throws.</summary>
internal delegate FactsLoad LoadFacts(FactsFolder folder, CancellationToken cancellationToken);

/// <summary>A load that finished, or the one abandoned and still running (it ignored its cancellation).</summary>
internal sealed record BoundedLoad(FactsLoad Load, Task? StillRunning);

internal static class FactsLoader
{
    /// <summary>How long an abandoned load is given to notice its cancellation before it is left behind.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Reads and parses every file; cancellation is checked between files, facts, rows, YAML events and characters.</summary>
    public static FactsLoad Load(FactsFolder folder, CancellationToken cancellationToken)
    {
        var contents = folder.Read(cancellationToken);
        if (contents.Version is null)
        {
            return new FactsLoad(null, null, contents.Errors);
        }

        // Every error at once: the files that could be read are parsed even when another one could not.
        var parsed = FactsParser.ParseCancellable(contents.Files, cancellationToken);
        return parsed.Succeeded && contents.Errors.Count == 0
            ? new FactsLoad(parsed.Facts, contents.Version, [])
            : new FactsLoad(null, contents.Version, [.. contents.Errors, .. parsed.Errors]);
    }

    /// <summary>For <c>validate</c>: <see cref="Load(FactsFolder, CancellationToken)"/>, within <paramref name="timeout"/>.</summary>
    public static FactsLoad Load(FactsFolder folder, TimeSpan timeout) =>
        RunAsync(Load, folder, timeout, CancellationToken.None).GetAwaiter().GetResult().Load;

    /// <summary>Runs <paramref name="load"/> off the caller's thread, and never waits for it much longer than <paramref name="timeout"/>.</summary>
    /// <remarks>
    /// The load is cancelled at the timeout, and given a few seconds to notice; one that does not (a read stuck in
    /// the kernel) is left running and returned, so that the caller knows not to start another meanwhile. Any
    /// exception it throws becomes an error naming the folder: a loader's bug never takes the caller down.
    /// </remarks>
    public static async Task<BoundedLoad> RunAsync(LoadFacts load, FactsFolder folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var token = deadline.Token;
        var attempt = Task.Run(() => load(folder, token), CancellationToken.None);
        try
        {
            return new BoundedLoad(await attempt.WaitAsync(timeout + Grace, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new BoundedLoad(Abandoned(folder, timeout, stillRunning: false), null);
        }
        catch (TimeoutException)
        {
            // Left behind: whatever it ends with is observed here, never raised as an unobserved task exception.
            _ = attempt.ContinueWith(static finished => finished.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return new BoundedLoad(Abandoned(folder, timeout, stillRunning: true), attempt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = new FactError(folder.DisplayPath, 0, "load", $"the facts could not be loaded: {e.GetType().Name}: {e.Message}");
            return new BoundedLoad(new FactsLoad(null, null, [error], e), null);
        }
    }

    private static FactsLoad Abandoned(FactsFolder folder, TimeSpan timeout, bool stillRunning)
    {
        var message = $"loading the facts took longer than {timeout:c} (Calendar:FactsLoadTimeout) and was abandoned: look for a very large or unusual file";
        if (stillRunning)
        {
            message += "; it has not stopped yet, and no other load starts until it does";
        }

        return new FactsLoad(null, null, [new FactError(folder.DisplayPath, 0, "load", message)]);
    }
}
