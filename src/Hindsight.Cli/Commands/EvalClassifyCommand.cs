using System.CommandLine;
using System.Text.Json;
using Hindsight.Application.Evaluation;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight eval classify</c>: stratified k-fold evaluation of the text classifier on any JSON Lines file.</summary>
internal static class EvalClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON Lines file" };
        var label = new Option<string>("--label") { Description = "The field holding the class (an array's first element counts)", Required = true };
        var text = new Option<string[]>("--text") { Description = "A field holding text to classify on (repeat; default: title and text)" };
        var folds = new Option<int>("--folds") { Description = "Folds of the stratified cross-validation", DefaultValueFactory = _ => 5 };
        var json = GlobalOptions.Json();
        var command = new Command("classify", "Stratified k-fold evaluation of the failure-mode classifier on a labelled file: accuracy, macro-F1, majority baseline, per class") { file, label, text, folds, json };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            UserError.RequireFile(path);

            var fields = result.GetValue(text) is { Length: > 0 } t ? t : ["title", "text"];
            var (examples, unlabelled) = Read(path, result.GetValue(label)!, fields);
            var report = Evaluations.Classifier(examples, unlabelled, result.GetValue(folds), path);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{report.Examples:N0} examples, {report.Classes.Count} classes, {report.Folds}-fold stratified; {report.Unlabelled:N0} without a label skipped");
            o.WriteLine($"accuracy {report.Accuracy:0.000}, macro-F1 {report.MacroF1:0.000}   (majority baseline: accuracy {report.MajorityBaseline:0.000}, macro-F1 {report.MajorityMacroF1:0.000})");
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

    private static (List<(string Text, string Label)> Examples, int Unlabelled) Read(string path, string labelField, string[] textFields)
    {
        var examples = new List<(string, string)>();
        var unlabelled = 0;
        var line = 0;
        foreach (var row in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(row);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new UserError($"{path}:{line}: not valid JSON ({ex.Message.Split(". Path")[0]}); expected one JSON object per line", ExitCodes.BadInput);
            }

            var label = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(labelField, out var l) ? First(l) : null;
            if (string.IsNullOrWhiteSpace(label))
            {
                unlabelled++;
                continue;
            }

            var text = string.Join("\n", textFields.Select(f => root.TryGetProperty(f, out var v) ? All(v) : null).OfType<string>());
            examples.Add((text, label.Trim()));
        }

        return (examples, unlabelled);
    }

    private static string? First(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(First).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static string? All(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(" ", value.EnumerateArray().Select(All).OfType<string>()),
        _ => null,
    };
}
