namespace Hindsight.Forecasting;

/// <summary>The next month's incident count and how well the chosen model did when back-tested.</summary>
/// <param name="Scope">"all" or a service.</param>
/// <param name="Month">The month forecast, yyyy-MM.</param>
/// <param name="Forecast">The expected count.</param>
/// <param name="Model">naive, smoothing or seasonal-smoothing: the model with the least back-test error.</param>
/// <param name="BacktestMonths">Months back-tested (each forecast from the months before it only).</param>
/// <param name="Mae">Mean absolute error of the chosen model in the back-test.</param>
/// <param name="Mape">Mean absolute percentage error over back-tested months with incidents, or null.</param>
/// <param name="NaiveMae">The back-test error of repeating last month, for comparison.</param>
/// <param name="History">The monthly counts the forecast stands on.</param>
public sealed record CountForecast(
    string Scope, string Month, double Forecast, string Model, int BacktestMonths, double Mae, double? Mape, double NaiveMae,
    IReadOnlyList<(string Month, int Count)> History);
