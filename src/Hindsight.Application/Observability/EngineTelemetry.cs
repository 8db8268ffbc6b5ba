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
    private readonly Histogram<double> _timeToResolve;
    private readonly Histogram<double> _timeToDetect;
    private readonly ConcurrentDictionary<object, Func<WorkspaceGauges>> _sources = new();
    private long _searches;
    private long _searchTicks;
    private long _registrations;
    private long _registrationTicks;
    private long _errorCount;

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
        _timeToResolve = _meter.CreateHistogram<double>("learning.incident.time_to_resolve", "s", "Time from start to resolution of the incidents seen, by organisation and service",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _timeToDetect = _meter.CreateHistogram<double>("learning.incident.time_to_detect", "s", "Time from start to detection of the incidents seen, by organisation and service",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _meter.CreateObservableGauge("learning.incidents.open", () => Observe(g => g.OpenIncidents), null, "Incidents not resolved, per organisation");
        _meter.CreateObservableGauge("learning.vectors.pending", () => Observe(g => g.VectorsPending), null, "Incidents waiting for their sentence vector, per organisation (semantic similarity on)");
        _meter.CreateObservableGauge("learning.recurrence.rate", () => Observe(g => g.RecurrenceRate), null, "Share of judgeable incidents that repeat an earlier root cause, per organisation (as last computed)");
    }

    /// <summary>Starts timing an operation; dispose the scope to record it (call <see cref="Scope.Fail"/> first when it failed).</summary>
    public Scope Measure(string operation) => new(this, operation, Stopwatch.GetTimestamp());

    /// <summary>Records a search's latency.</summary>
    public void Searched(TimeSpan elapsed) => Safely(() =>
    {
        _search.Record(elapsed.TotalSeconds);
        Interlocked.Increment(ref _searches);
        Interlocked.Add(ref _searchTicks, elapsed.Ticks);
    });

    /// <summary>Records a registration (a committed write of incidents) and its latency.</summary>
    public void Registered(TimeSpan elapsed) => Safely(() =>
    {
        _registration.Record(elapsed.TotalSeconds);
        Interlocked.Increment(ref _registrations);
        Interlocked.Add(ref _registrationTicks, elapsed.Ticks);
    });

    /// <summary>Records a failed operation.</summary>
    public void Failed(string operation, Exception exception) => Safely(() =>
    {
        _errors.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("kind", KindOf(exception)));
        Interlocked.Increment(ref _errorCount);
    });

    /// <summary>Starts the error counter at zero, so that it is exported before the first error.</summary>
    public void Start() => Safely(() => _errors.Add(0, new KeyValuePair<string, object?>("operation", "none"), new KeyValuePair<string, object?>("kind", "none")));

    /// <summary>The running totals since the process started, for the metrics journal.</summary>
    public TelemetrySnapshot Snapshot()
    {
        long patterns = 0, hits = 0, lookups = 0;
        foreach (var source in _sources.Values)
        {
            Safely(() =>
            {
                var g = source();
                patterns += g.Patterns;
                hits += g.CacheHits;
                lookups += g.CacheLookups;
            });
        }

        var searches = Interlocked.Read(ref _searches);
        var registrations = Interlocked.Read(ref _registrations);
        return new TelemetrySnapshot(
            patterns, lookups == 0 ? 0 : (double)hits / lookups, Environment.WorkingSet,
            searches, searches == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _searchTicks) / searches).TotalMilliseconds,
            registrations, registrations == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _registrationTicks) / registrations).TotalMilliseconds,
            Interlocked.Read(ref _errorCount));
    }

    /// <summary>Records an incident's time to detect and resolve (each incident once, when its times are first known).</summary>
    public void IncidentTimes(string organisation, string service, TimeSpan? toDetect, TimeSpan? toResolve) => Safely(() =>
    {
        var tags = new TagList { { "organisation", organisation }, { "service", service } };
        if (toDetect is { } d && d >= TimeSpan.Zero)
        {
            _timeToDetect.Record(d.TotalSeconds, tags);
        }

        if (toResolve is { } r && r >= TimeSpan.Zero)
        {
            _timeToResolve.Record(r.TotalSeconds, tags);
        }
    });

    /// <summary>Adds a source of the observed gauges (a workspace); returns what removes it.</summary>
    public IDisposable Observe(Func<WorkspaceGauges> source)
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
        var measurements = Observe(g => (double?)g.Patterns).Select(m => new Measurement<long>((long)m.Value, m.Tags)).ToList();
        return measurements.Count > 0 ? measurements : [new Measurement<long>(0)]; // no workspace open yet: nothing indexed
    }

    private List<Measurement<double>> Observe(Func<WorkspaceGauges, double?> pick)
    {
        var measurements = new List<Measurement<double>>();
        foreach (var source in _sources.Values)
        {
            Safely(() =>
            {
                var gauges = source();
                if (pick(gauges) is { } value)
                {
                    measurements.Add(new Measurement<double>(value, new KeyValuePair<string, object?>("organisation", gauges.Organisation)));
                }
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
                var gauges = source();
                hits += gauges.CacheHits;
                lookups += gauges.CacheLookups;
            });
        }

        return lookups == 0 ? 0 : (double)hits / lookups;
    }

    private static readonly IReadOnlyList<double> DurationBuckets = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200, 604800];

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
