namespace Hindsight.Confirmations;

/// <summary>How often the suggestion was right for incidents people confirmed as one failure mode.</summary>
/// <param name="FailureMode">The confirmed failure mode.</param>
/// <param name="Confirmed">Confirmations of it that had a suggestion.</param>
/// <param name="Correct">Of those, the suggestions that were right.</param>
public sealed record ClassAccuracy(string FailureMode, int Confirmed, int Correct)
{
    /// <summary>Correct over confirmed.</summary>
    public double Accuracy => Confirmed == 0 ? 0 : (double)Correct / Confirmed;
}
