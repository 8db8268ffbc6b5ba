namespace Hindsight.Application.Benchmarking;

/// <summary>What one benchmark step cost in its own process.</summary>
/// <param name="Seconds">Wall time of the step (the process's start-up excluded).</param>
/// <param name="PeakRssBytes">The process's peak resident memory.</param>
/// <param name="RssBytes">Its resident memory after the step and a full collection, with what the step opened still open.</param>
public sealed record StepCost(double Seconds, long PeakRssBytes, long RssBytes);
