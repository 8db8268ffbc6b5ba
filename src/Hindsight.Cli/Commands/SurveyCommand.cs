using System.CommandLine;
using System.Globalization;
using Hindsight.Cli.Output;
using Hindsight.Culture;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight survey import</c>: learning-culture survey scores, shown beside the measured indicators.</summary>
internal static class SurveyCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "CSV with date,team,question,score (optionally scale_max, respondent), or JSON Lines with those fields" };
        var json = GlobalOptions.Json();
        var import = new Command("import", "Store survey answers (importing the same file again changes nothing) and show each team's trend") { file, json };
        import.SetAction(async (result, ct) =>
        {
            var answers = SurveyFile.Read(UserError.RequireFile(result.GetValue(file)!));
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var done = await host.Workspace.Learning.ImportSurveyAsync(answers, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, done);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done.Answers:N0} answers read: {done.Inserted:N0} new, {done.Updated:N0} updated"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"culture survey: {done.Culture.Score:P0} of the scale in {done.Culture.Quarter} (answers people gave; never part of the maturity level)"));
            foreach (var t in done.Culture.Teams)
            {
                var trend = string.Join(", ", t.Quarters.TakeLast(6).Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Quarter} {q.Score:P0}")));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Team,-24} {trend}{(t.Change is { } c ? $" ({c * 100:+0;-0;0} points)" : "")}"));
            }

            return ExitCodes.Ok;
        });
        return new Command("survey", "Learning-culture surveys: their scores per team over time") { import };
    }
}
