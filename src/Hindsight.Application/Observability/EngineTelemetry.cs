using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hindsight.Errors;

namespace Hindsight.Application.Observability;

/// <summary>
/// The engine's meter (<see cref="MeterName"/>): operation counts and latencies, registration and search latency,
/// errors by kind, and — observed on demand — indexed incidents, the search cache's hit ratio and memory. Exporters
/// (Prometheus on the service) turn the instrument names into the seed's metric names, e.g.
/// <c>learning.search.duration</c> in seconds into <c>learning_search_duration_seconds</c>. Recording never throws.
/// </summary>
public sealed class EngineTelemetry : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hindsight.Engine";

    private readonly Meter _meter;
    private readonly Histogram<double> _registration;
    private readonly Histogram<double> _search;
    private readonly Histogram<double> _operation;
    private readonly Counter<long> _errors;
    private readonly ConcurrentDictionary<object, Func<(string Organisation, long Patterns, long Hits, long Lookups)>> _sources = new();

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/> (or a meter of its own).</summary>
    public EngineTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _registration = _meter.CreateHistogram<double>("learning.registration.duration", "s", "Time to store and index incidents, per write");
        _search = _meter.CreateHistogram<double>("learning.search.duration", "s", "Time to answer a similar-incident search");
        _operation = _meter.CreateHistogram<double>("learning.operation.duration", "s", "Time of each use case, by operation");
        _errors = _meter.CreateCounter<long>("learning.errors", null, "Operations that failed, by operation and kind");
        _meter.CreateObservableGauge("learning.pattern.count", ObservePatterns, null, "Incidents indexed, per organisation");
        _meter.CreateObservableGauge("learning.cache.hit_ratio", ObserveHitRatio, null, "Search cache hits over lookups, across organisations");
        _meter.CreateObservableGauge("learning.memory", () => Environment.WorkingSet, "By", "Resident memory of the process");
    }

    /// <summary>Starts timing an operation; dispose the scope to record it (call <see cref="Scope.Fail"/> first when it failed).</summary>
    public Scope Measure(string operation) => new(this, operation, Stopwatch.GetTimestamp());

    /// <summary>Records a search's latency.</summary>
    public void Searched(TimeSpan elapsed) => Safely(() => _search.Record(elapsed.TotalSeconds));

    /// <summary>Records a registration (a committed write of incidents) and its latency.</summary>
    public void Registered(TimeSpan elapsed) => Safely(() => _registration.Record(elapsed.TotalSeconds));

    /// <summary>Records a failed operation.</summary>
    public void Failed(string operation, Exception exception) => Safely(() =>
        _errors.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("kind", KindOf(exception))));

    /// <summary>Adds a source of the observed gauges (a workspace); returns what removes it.</summary>
    public IDisposable Observe(Func<(string Organisation, long Patterns, long Hits, long Lookups)> source)
    {
        var key = new object();
        _sources[key] = source;
        return new Removal(() => _sources.TryRemove(key, out _));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private static string KindOf(Exception exception) => exception switch
    {
        HindsightException h => h.Error.Kind.ToString(),
        OperationCanceledException => "cancelled",
        _ => "internal",
    };

    private IEnumerable<Measurement<long>> ObservePatterns()
    {
        var measurements = new List<Measurement<long>>();
        foreach (var source in _sources.Values)
        {
            Safely(() =>
            {
                var (organisation, patterns, _, _) = source();
                measurements.Add(new Measurement<long>(patterns, new KeyValuePair<string, object?>("organisation", organisation)));
            });
        }

        return measurements;
    }

    private double ObserveHitRatio()
    {
        long hits = 0, lookups = 0;
        foreach (var source in _sources.Values)
        {
            Safely(() =>
            {
                var (_, _, h, l) = source();
                hits += h;
                lookups += l;
            });
        }

        return lookups == 0 ? 0 : (double)hits / lookups;
    }

    private static void Safely(Action record)
    {
        try
        {
            record();
        }
#pragma warning disable CA1031 // diagnostics never fail the operation they describe
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    /// <summary>The timing of one operation.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly EngineTelemetry _owner;
        private readonly string _operation;
        private readonly long _started;

        internal Scope(EngineTelemetry owner, string operation, long started) => (_owner, _operation, _started) = (owner, operation, started);

        /// <summary>Time since the scope began.</summary>
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        /// <summary>Counts the operation as failed with <paramref name="exception"/>.</summary>
        public void Fail(Exception exception) => _owner.Failed(_operation, exception);

        /// <inheritdoc />
        public void Dispose()
        {
            var (owner, operation, elapsed) = (_owner, _operation, Elapsed);
            Safely(() => owner._operation.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation)));
        }
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
