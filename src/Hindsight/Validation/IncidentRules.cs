using Hindsight.Incidents;

namespace Hindsight.Validation;

/// <summary>The validation rules of an incident.</summary>
internal static class IncidentRules
{
    public static void Check(Incident i, ValidationErrors errors)
    {
        errors.Required("id", i.Id, RecordValidator.MaxIdLength);
        errors.Required("title", i.Title, 2_000);
        errors.MaxLength("summary", i.Summary, 1_000_000);
        if (!i.Undated && i.StartedAt == default)
        {
            errors.Add("started_at", "required; expected an ISO-8601 timestamp such as 2024-03-01T14:05:00Z (or \"undated\": true for a narrative whose start is not known)");
        }
        else if (i.Undated && i.StartedAt != default)
        {
            errors.Add("undated", "the record has a started_at, so it is not undated; drop 'undated' (or the start time, if it is not known)");
        }
        if (i.Severity is { } s && !Enum.IsDefined(s))
        {
            errors.Add("severity", $"{(int)s} is unknown; expected {SeverityText.Expected}");
        }

        CheckTimes(i, errors);
        CheckLists(i, errors);
    }

    private static void CheckTimes(Incident i, ValidationErrors errors)
    {
        if (i.StartedAt == default)
        {
            return;
        }

        errors.NotBefore("detected_at", i.DetectedAt, "started_at", i.StartedAt);
        errors.NotBefore("acknowledged_at", i.AcknowledgedAt, "started_at", i.StartedAt);
        errors.NotBefore("acknowledged_at", i.AcknowledgedAt, "detected_at", i.DetectedAt);
        errors.NotBefore("mitigated_at", i.MitigatedAt, "started_at", i.StartedAt);
        errors.NotBefore("resolved_at", i.ResolvedAt, "started_at", i.StartedAt);
        errors.NotBefore("resolved_at", i.ResolvedAt, "mitigated_at", i.MitigatedAt);
    }

    private static void CheckLists(Incident i, ValidationErrors errors)
    {
        Each(i.Services, "services", errors, (s, f) => errors.Required(f, s, 500));
        Each(i.Tags, "tags", errors, (t, f) => errors.Required(f, t, 500));
        Each(i.RootCauses, "root_causes", errors, (r, f) =>
        {
            errors.Required(f + ".description", r.Description);
            if (!Enum.IsDefined(r.Kind))
            {
                errors.Add(f + ".kind", "unknown; expected one of technical, process, human, organisational");
            }
        });
        Each(i.Responders, "responders", errors, (r, f) => errors.Required(f + ".name", r.Name, 500));
        Each(i.Actions, "actions", errors, (a, f) => errors.Required(f + ".description", a.Description));
        Each(i.Hypotheses, "hypotheses", errors, (h, f) => errors.Required(f + ".description", h.Description));
        Each(i.ActionItems, "action_items", errors, (a, f) =>
        {
            errors.Required(f + ".title", a.Title, 5_000);
            errors.NotBefore(f + ".completed_at", a.CompletedAt, f + ".created_at", a.CreatedAt);
            errors.Fraction(f + ".expected_effect", a.ExpectedEffect);
            errors.Fraction(f + ".measured_effect", a.MeasuredEffect);
        });
        Each(i.Deployments, "deployments", errors, (d, f) => errors.Required(f, d, RecordValidator.MaxIdLength));
        Each(i.Links, "links", errors, (l, f) =>
        {
            errors.Required(f + ".id", l.Id, RecordValidator.MaxIdLength);
            if (string.Equals(l.Id, i.Id, StringComparison.Ordinal))
            {
                errors.Add(f + ".id", "an incident cannot link to itself");
            }
        });
        Each(i.Consulted, "consulted", errors, (k, f) =>
        {
            errors.Required(f + ".kind", k.Kind, 100);
            errors.Required(f + ".ref", k.Ref, 2_000);
        });
        Each(i.Risks, "risks", errors, (r, f) => errors.Required(f, r, RecordValidator.MaxIdLength));
        Each(i.Timeline, "timeline", errors, (t, f) => errors.Required(f + ".text", t.Text));
    }

    private static void Each<T>(IReadOnlyList<T>? items, string field, ValidationErrors errors, Action<T, string> check)
    {
        if (items is null)
        {
            return;
        }

        for (var n = 0; n < items.Count; n++)
        {
            var name = $"{field}[{n}]";
            if (items[n] is null)
            {
                errors.Add(name, "is null; expected a value");
            }
            else
            {
                check(items[n], name);
            }
        }
    }
}
