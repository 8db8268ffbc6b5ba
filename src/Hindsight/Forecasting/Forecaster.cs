using System.Globalization;

namespace Hindsight.Forecasting;

/// <summary>
/// Forecasts next month's incident count from monthly counts. Three models: <c>naive</c> (last month again),
/// <c>smoothing</c> (simple exponential smoothing, α fitted on one-step errors) and, with two years or more,
/// <c>seasonal-smoothing</c> (the same on counts divided by a month-of-year index, multiplied back). Each is back-tested
/// on the last <see cref="BacktestMonths"/> months by rolling origin — every month forecast from the months before it
/// only — and the model with the least mean absolute error makes the forecast.
/// </summary>
public static class Forecaster
{
    /// <summary>Months back-tested at most.</summary>
    public const int BacktestMonths = 6;

    /// <summary>Months of history a forecast needs.</summary>
    public const int MinMonths = 6;

    private static readonly double[] Alphas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The forecast, or null with fewer than <see cref="MinMonths"/> whole months.</summary>
    public static CountForecast? Forecast(string scope, IReadOnlyList<(DateTime Month, int Count)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count < MinMonths)
        {
            return null;
        }

        var values = months.Select(m => (double)m.Count).ToArray();
        var calendar = months.Select(m => m.Month.Month).ToArray();
        var models = new List<(string Name, Func<int, double> Predict)>
        {
            ("naive", t => values[t - 1]),
            ("smoothing", t => Smooth(values.AsSpan(0, t))),
        };
        if (months.Count >= 24)
        {
            models.Add(("seasonal-smoothing", t => Seasonal(values.AsSpan(0, t), calendar.AsSpan(0, t), calendar[t])));
        }

        var tests = Math.Min(BacktestMonths, months.Count - 3);
        var errors = models.Select(m => Enumerable.Range(months.Count - tests, tests).Select(t => (Actual: values[t], Error: Math.Abs(m.Predict(t) - values[t]))).ToList()).ToList();
        var best = Enumerable.Range(0, models.Count).MinBy(k => errors[k].Average(e => e.Error));
        var withIncidents = errors[best].Where(e => e.Actual > 0).ToList();
        var next = months[^1].Month.AddMonths(1);
        var forecast = best switch
        {
            0 => values[^1],
            1 => Smooth(values),
            _ => Seasonal(values, calendar, next.Month),
        };
        return new CountForecast(
            scope, next.ToString("yyyy-MM", CultureInfo.InvariantCulture), Math.Round(Math.Max(0, forecast), 2), models[best].Name, tests,
            Math.Round(errors[best].Average(e => e.Error), 2),
            withIncidents.Count == 0 ? null : Math.Round(withIncidents.Average(e => e.Error / e.Actual), 4),
            Math.Round(errors[0].Average(e => e.Error), 2),
            [.. months.Select(m => (m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Count))]);
    }

    /// <summary>Simple exponential smoothing with the α of least one-step squared error: the level after the last value.</summary>
    public static double Smooth(ReadOnlySpan<double> values)
    {
        var (bestLevel, bestError) = (values[^1], double.PositiveInfinity);
        foreach (var alpha in Alphas)
        {
            var level = values[0];
            double error = 0;
            for (var t = 1; t < values.Length; t++)
            {
                error += (values[t] - level) * (values[t] - level);
                level += alpha * (values[t] - level);
            }

            if (error < bestError)
            {
                (bestLevel, bestError) = (level, error);
            }
        }

        return bestLevel;
    }

    /// <summary>The month-of-year index (1–12): mean count of the month / mean of all; 1 for a month never seen, at least 0.05.</summary>
    public static double[] MonthIndex(ReadOnlySpan<double> values, ReadOnlySpan<int> calendar)
    {
        var sum = new double[13];
        var count = new int[13];
        double total = 0;
        for (var t = 0; t < values.Length; t++)
        {
            sum[calendar[t]] += values[t];
            count[calendar[t]]++;
            total += values[t];
        }

        var mean = values.Length == 0 ? 0 : total / values.Length;
        var index = new double[13];
        for (var m = 0; m < 13; m++)
        {
            index[m] = count[m] == 0 || mean == 0 ? 1 : Math.Max(0.05, sum[m] / count[m] / mean);
        }

        return index;
    }

    private static double Seasonal(ReadOnlySpan<double> values, ReadOnlySpan<int> calendar, int target)
    {
        var index = MonthIndex(values, calendar);
        if (!calendar.Contains(target) || values.ToArray().Sum() == 0)
        {
            return Smooth(values);
        }

        var adjusted = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            adjusted[t] = values[t] / index[calendar[t]];
        }

        return Smooth(adjusted) * index[target];
    }
}
