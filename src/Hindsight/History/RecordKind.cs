namespace Hindsight.History;

/// <summary>The kinds of record an organisation's history holds.</summary>
public enum RecordKind
{
    /// <summary>An <see cref="Incidents.Incident"/>.</summary>
    Incident,

    /// <summary>A <see cref="Deployment"/>.</summary>
    Deployment,

    /// <summary>A <see cref="ServiceDependency"/>.</summary>
    Dependency,

    /// <summary>A <see cref="ResponseLog"/>.</summary>
    ResponseLog,

    /// <summary>A <see cref="History.Feedback"/> on a search result.</summary>
    Feedback,

    /// <summary>An organisation's <see cref="LearnedWeights"/>.</summary>
    Weights,

    /// <summary>An entry of the risk register, a <see cref="Risks.Risk"/>.</summary>
    Risk,

    /// <summary>A tracked knowledge silo, a <see cref="Silos.SiloRisk"/>.</summary>
    Silo,

    /// <summary>A graded drill, a <see cref="Drills.DrillRecord"/>.</summary>
    Drill,

    /// <summary>A firing of an alert rule, an <see cref="AlertHistory.AlertFiring"/>.</summary>
    Alert,

    /// <summary>A person's verdict on a suggested failure mode, a <see cref="Confirmations.Confirmation"/>.</summary>
    Confirmation,

    /// <summary>An answer of a learning-culture survey, a <see cref="Culture.SurveyResponse"/>.</summary>
    Survey,
}
