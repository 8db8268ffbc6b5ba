namespace Hindsight.Cli.Output;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, serialised (Progress&lt;T&gt; posts to the thread pool and reorders).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
