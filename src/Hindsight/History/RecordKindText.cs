namespace Hindsight.History;

/// <summary>The names record kinds have in files and in the store (the <c>type</c> field of a JSON line).</summary>
public static class RecordKindText
{
    /// <summary>What a valid type looks like, for error messages.</summary>
    public const string Expected = "one of incident, deployment, dependency, response_log, feedback, weights, risk, silo, drill, alert, confirmation, survey";

    /// <summary>Formats a kind as its file name.</summary>
    public static string Format(RecordKind kind) => kind switch
    {
        RecordKind.Incident => "incident",
        RecordKind.Deployment => "deployment",
        RecordKind.Dependency => "dependency",
        RecordKind.ResponseLog => "response_log",
        RecordKind.Feedback => "feedback",
        RecordKind.Weights => "weights",
        RecordKind.Risk => "risk",
        RecordKind.Silo => "silo",
        RecordKind.Drill => "drill",
        RecordKind.Alert => "alert",
        RecordKind.Confirmation => "confirmation",
        RecordKind.Survey => "survey",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown record kind"),
    };

    /// <summary>Parses a kind name; returns false for anything unknown.</summary>
    public static bool TryParse(string? text, out RecordKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "incident": kind = RecordKind.Incident; return true;
            case "deployment" or "deploy" or "change": kind = RecordKind.Deployment; return true;
            case "dependency": kind = RecordKind.Dependency; return true;
            case "response_log" or "response" or "response-log": kind = RecordKind.ResponseLog; return true;
            case "feedback": kind = RecordKind.Feedback; return true;
            case "weights": kind = RecordKind.Weights; return true;
            case "risk": kind = RecordKind.Risk; return true;
            case "silo": kind = RecordKind.Silo; return true;
            case "drill": kind = RecordKind.Drill; return true;
            case "alert": kind = RecordKind.Alert; return true;
            case "confirmation": kind = RecordKind.Confirmation; return true;
            case "survey" or "survey_response": kind = RecordKind.Survey; return true;
            default: kind = default; return false;
        }
    }
}
