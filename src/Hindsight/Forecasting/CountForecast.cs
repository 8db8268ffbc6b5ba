using System.Globalization;

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
    IReadOnlyList<(string Month, int Count)> History)
{
    /// <summary>A back-tested percentage error from which on a forecast is too irregular to give a number.</summary>
    public const double Irregular = 0.5;

    /// <summary>Whether a model beat repeating last month's count in the back-test.</summary>
    public bool BeatsNaive => Model != "naive"; // a model is chosen over naive only with a strictly lower back-test error

    /// <summary>Whether the count is worth showing: its back-tested error is under <see cref="Irregular"/> of the actual counts.</summary>
    public bool Reliable => Mape is not >= Irregular;

    /// <summary>What the forecast is worth, in words.</summary>
    public string Verdict => !Reliable
        ? string.Create(CultureInfo.InvariantCulture, $"too irregular to forecast: even the best model missed by {Mape:P0} of the actual count on average")
        : BeatsNaive
            ? string.Create(CultureInfo.InvariantCulture, $"{(Model == "smoothing" ? "smoothed trend" : "smoothed trend with the month-of-year pattern")}; missed by ±{Mae:0.0} a month in back-testing, against ±{NaiveMae:0.0} for last month's count")
            : string.Create(CultureInfo.InvariantCulture, $"last month's count: no model did better in back-testing (±{Mae:0.0} a month)");
}
