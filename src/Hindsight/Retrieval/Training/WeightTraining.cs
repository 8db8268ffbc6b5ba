namespace Hindsight.Retrieval.Training;

/// <summary>Training settings shared by <c>hindsight train</c> and the evaluation.</summary>
public static class WeightTraining
{
    /// <summary>Passes over the ranking pairs.</summary>
    public const int Epochs = 30;

    /// <summary>Adagrad's base learning rate.</summary>
    public const double LearningRate = 0.1;
}
