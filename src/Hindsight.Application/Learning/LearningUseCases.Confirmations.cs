using Hindsight.Application.Errors;
using Hindsight.Confirmations;
using Hindsight.Culture;
using Hindsight.Errors;

namespace Hindsight.Application.Learning;

public sealed partial class LearningUseCases
{
    /// <summary>
    /// Records what failure mode an incident really was, beside what Hindsight suggested for it (the suggestion the
    /// caller saw, or the classifier's answer now), and sets it as the incident's failure mode. Root-cause accuracy is
    /// measured from these.
    /// </summary>
    /// <exception cref="HindsightException">A field is missing (bad input) or the incident is not stored (not found).</exception>
    public async Task<ConfirmationResult> ConfirmAsync(ConfirmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Text(request.Incident, "incident", "the incident's id");
        var mode = Require.Text(request.FailureMode, "failure_mode", "the failure mode it really was, e.g. bad-deploy");
        if (mode.Length > 500)
        {
            throw HindsightException.BadInput("failure_mode", $"is {mode.Length} characters long", "a failure mode's name (at most 500 characters)");
        }

        var incident = await _workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var suggested = string.IsNullOrWhiteSpace(request.Suggested) ? null : request.Suggested.Trim();
        double? confidence = null;
        if (suggested is null)
        {
            try
            {
                var answer = await ClassifyAsync(incident, "", 1, cancellationToken).ConfigureAwait(false);
                suggested = answer.FailureMode;
                confidence = suggested is null ? null : answer.Suggestions[0].Confidence;
            }
            catch (HindsightException e) when (e.Error.Kind == ErrorKind.NotFound)
            {
                // fewer than two failure modes: nothing was or could be suggested
            }
        }

        // the failure mode as the history already spells it, when it names one ("Bad Deploy" is bad-deploy)
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        mode = history.AllIncidents.Select(i => i.FailureMode).OfType<string>().Where(m => Confirmation.Same(m, mode))
            .GroupBy(m => m, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? mode;
        var confirmation = new Confirmation
        {
            Id = incident.Id,
            Incident = incident.Id,
            Suggested = suggested,
            Confidence = confidence,
            Confirmed = mode,
            ConfirmedAt = _workspace.Clock.GetUtcNow(),
            By = string.IsNullOrWhiteSpace(request.By) ? null : request.By.Trim(),
        };

        // read, change and write the incident under the lock the other read-change-write use cases take, so a webhook or
        // a timeline note written meanwhile is not lost
        bool changed;
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _workspace.Incidents.FindAsync(incident.Id, cancellationToken).ConfigureAwait(false) ?? incident;
            changed = stored.FailureMode is null || !Confirmation.Same(stored.FailureMode, mode);
            await _workspace.CommitAsync(changed ? [confirmation, stored with { FailureMode = mode }] : [confirmation], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _workspace.Serial.Release();
        }

        await _workspace.RefreshAsync(cancellationToken).ConfigureAwait(false);
        history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return new ConfirmationResult(incident.Id, suggested, confidence, mode, confirmation.Correct, changed, RateFigure.Of(RootCauseAccuracy.Of(history.Confirmations).Accuracy));
    }

    /// <summary>Stores culture-survey answers (one transaction; answers already stored are updated) and returns the culture figures after.</summary>
    /// <exception cref="HindsightException">No answers (bad input).</exception>
    public async Task<SurveyImportResult> ImportSurveyAsync(IReadOnlyList<SurveyResponse> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw HindsightException.BadInput("answers", "none given", "rows of date, team, question, score");
        }

        var counts = await _workspace.WriteAsync(answers, cancellationToken).ConfigureAwait(false);
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return new SurveyImportResult(answers.Count, counts.Inserted, counts.Updated, CultureSurvey.Of(history.Surveys));
    }
}
