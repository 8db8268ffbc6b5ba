namespace Hindsight.Application.Benchmarking;

/// <summary>A part of the search benchmark measured in a process of its own, so that its memory is the process's.</summary>
public enum BenchStep
{
    /// <summary>Build the search index from the store (no snapshot), as a first search does.</summary>
    Build,

    /// <summary>Open the index from its snapshot and answer one search, as a fresh service does.</summary>
    Serve,

    /// <summary>Compute the learning report.</summary>
    Report,
}
