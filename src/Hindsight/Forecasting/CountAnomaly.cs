namespace Hindsight.Forecasting;

/// <summary>A week in which a service had far more incidents than expected.</summary>
/// <param name="Service">The service.</param>
/// <param name="Week">The week's Monday, yyyy-MM-dd.</param>
/// <param name="Count">Incidents that week.</param>
/// <param name="Expected">What its recent weeks and the season predicted.</param>
/// <param name="Score">The robust z-score.</param>
public sealed record CountAnomaly(string Service, string Week, int Count, double Expected, double Score);
