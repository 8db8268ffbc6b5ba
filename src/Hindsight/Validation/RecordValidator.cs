using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Validation;

/// <summary>Checks records against the rules of the canonical format before they are stored.</summary>
public static class RecordValidator
{
    /// <summary>Longest id accepted, in characters.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Returns every problem with the record; an empty list means it may be stored.</summary>
    public static IReadOnlyList<ValidationError> Validate(HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new ValidationErrors();
        switch (record)
        {
            case Incident incident:
                IncidentRules.Check(incident, errors);
                break;
            case Deployment d:
                errors.Required("id", d.Id, MaxIdLength);
                errors.Required("service", d.Service, 500);
                errors.RequiredTime("deployed_at", d.DeployedAt);
                break;
            case ServiceDependency dep:
                errors.Required("service", dep.Service, 500);
                errors.Required("depends_on", dep.DependsOn, 500);
                if (double.IsNaN(dep.Weight) || dep.Weight <= 0 || double.IsInfinity(dep.Weight))
                {
                    errors.Add("weight", $"{dep.Weight} is not usable; expected a positive number (1 = ordinary coupling)");
                }

                if (string.Equals(dep.Service, dep.DependsOn, StringComparison.Ordinal) && dep.Service.Length > 0)
                {
                    errors.Add("depends_on", "a service cannot depend on itself");
                }

                break;
            case ResponseLog log:
                errors.Required("id", log.Id, MaxIdLength);
                errors.Required("category", log.Category, 500);
                errors.Required("responder", log.Responder, 500);
                errors.RequiredTime("asked_at", log.AskedAt);
                errors.NotBefore("answered_at", log.AnsweredAt, "asked_at", log.AskedAt);
                break;
            case Feedback f:
                errors.Required("id", f.Id, MaxIdLength);
                errors.Required("result", f.Result, MaxIdLength);
                errors.RequiredTime("given_at", f.GivenAt);
                if (string.IsNullOrWhiteSpace(f.QueryIncident) && string.IsNullOrWhiteSpace(f.QueryText))
                {
                    errors.Add("query_incident", "a feedback needs the query it judges: query_incident (an incident id) or query_text");
                }

                break;
            case LearnedWeights w:
                errors.Required("id", w.Id, MaxIdLength);
                foreach (var (name, value) in w.Values)
                {
                    if (!double.IsFinite(value))
                    {
                        errors.Add($"values.{name}", $"{value} is not a finite number");
                    }
                }

                break;
            case Risks.Risk risk:
                RiskRules.Check(risk, errors);
                break;
            case Silos.SiloRisk silo:
                errors.Required("expert", silo.Expert, 500);
                errors.Required("category", silo.Category, 500);
                errors.Fraction("ratio", silo.Ratio);
                break;
            case Drills.DrillRecord drill:
                errors.Required("id", drill.Id, MaxIdLength);
                errors.Required("exercise_id", drill.ExerciseId, MaxIdLength);
                errors.RequiredTime("graded_at", drill.GradedAt);
                break;
            case AlertHistory.AlertFiring alert:
                errors.Required("id", alert.Id, MaxIdLength);
                errors.Required("rule", alert.Rule, 500);
                errors.RequiredTime("fired_at", alert.FiredAt);
                errors.NotBefore("resolved_at", alert.ResolvedAt, "fired_at", alert.FiredAt);
                break;
            case Confirmations.Confirmation c:
                errors.Required("id", c.Id, MaxIdLength);
                errors.Required("incident", c.Incident, MaxIdLength);
                errors.Required("confirmed", c.Confirmed, 500);
                errors.RequiredTime("confirmed_at", c.ConfirmedAt);
                if (c.Confidence is { } p && (!double.IsFinite(p) || p < 0 || p > 1))
                {
                    errors.Add("confidence", $"{p} is not a probability; expected a number from 0 to 1");
                }

                break;
            case Culture.SurveyResponse r:
                errors.Required("id", r.Id, MaxIdLength);
                errors.Required("team", r.Team, 500);
                errors.Required("question", r.Question, 2000);
                errors.RequiredTime("taken_at", r.TakenAt);
                if (!double.IsFinite(r.ScaleMax) || r.ScaleMax <= 0)
                {
                    errors.Add("scale_max", $"{r.ScaleMax} is not a scale; expected the top score, e.g. 5 for a 1–5 scale");
                }
                else if (!double.IsFinite(r.Score) || r.Score < 0 || r.Score > r.ScaleMax)
                {
                    errors.Add("score", $"{r.Score} is outside the scale; expected a number from 0 to {r.ScaleMax}");
                }

                break;
            default:
                errors.Add("type", $"record type {record.GetType().Name} is not supported");
                break;
        }

        return errors.ToList();
    }
}
