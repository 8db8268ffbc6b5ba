using System.CommandLine;
using Hindsight.Application.Evaluation;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight eval classify</c>: stratified k-fold evaluation of the text classifier on any JSON Lines file.</summary>
internal static class EvalClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON Lines file (or a JSON array of records)" };
        var label = new Option<string>("--label") { Description = "The field holding the class (an array's first element counts)", Required = true };
        var text = new Option<string[]>("--text") { Description = "A field holding text to classify on (repeat; default: every free-text field)" };
        var folds = new Option<int>("--folds") { Description = "Folds of the stratified cross-validation", DefaultValueFactory = _ => 5 };
        var json = GlobalOptions.Json();
        var command = new Command("classify", "Stratified k-fold evaluation of the failure-mode classifier on a labelled file: macro-F1, per class, beside the majority class and naive Bayes") { file, label, text, folds, json };
        command.SetAction(result =>
        {
            var path = UserError.RequireFile(result.GetValue(file)!);
            var report = Evaluations.Classifier(path, result.GetValue(label)!, result.GetValue(text), result.GetValue(folds));
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{report.Examples:N0} examples, {report.Classes.Count} classes, {report.Folds}-fold stratified; {report.Unlabelled:N0} without a label skipped");
            o.WriteLine($"text from: {string.Join(", ", report.TextFields)}");
            o.WriteLine($"classifier      accuracy {report.Accuracy:0.000}  macro-F1 {report.MacroF1:0.000}");
            o.WriteLine($"naive Bayes     accuracy {report.NaiveBayes.Accuracy:0.000}  macro-F1 {report.NaiveBayes.MacroF1:0.000}");
            o.WriteLine($"majority class  accuracy {report.MajorityBaseline:0.000}  macro-F1 {report.MajorityMacroF1:0.000}");
            o.WriteLine($"sure (≥ {report.NotSureBelow:P0} and twice the runner-up) for {report.SureShare:P0}{(report.SureAccuracy is { } a ? $", right {a:P0} of those" : "")}; calibration error {report.CalibrationError:0.000}");
            foreach (var c in report.Classes.OrderByDescending(c => c.Support))
            {
                o.WriteLine($"  {c.Label,-28} n={c.Support,-5} precision {c.Precision:0.00}  recall {c.Recall:0.00}  F1 {c.F1:0.00}");
            }

            if (report.LeftOut.Count > 0)
            {
                o.WriteLine($"left out (fewer examples than folds): {string.Join(", ", report.LeftOut.Select(l => $"{l.Key} ({l.Value})"))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
