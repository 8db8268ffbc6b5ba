using System.CommandLine;
using System.Text.Json;
using Hindsight.Application.Drills;
using Hindsight.Cli.Output;
using Hindsight.Drills;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight drill …</c>: practise on synthetic, replayed or tabletop incidents, and grade the answers.</summary>
internal static class DrillCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("drill", "Incident drills: generate a synthetic one, replay a real one, print a tabletop sheet, grade answers");
        command.Subcommands.Add(Generate(context));
        command.Subcommands.Add(Replay(context));
        command.Subcommands.Add(Sheet(context));
        command.Subcommands.Add(Grade(context));
        command.Subcommands.Add(Archetypes(context));
        command.Subcommands.Add(History(context));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var difficulty = new Option<Difficulty?>("--difficulty", "-d") { Description = "easy, medium or hard" };
        var archetype = new Option<string?>("--archetype", "-a") { Description = "The archetype ('hindsight drill archetypes' lists them)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same exercise", DefaultValueFactory = _ => 1 };
        var service = new Option<string?>("--service", "-s") { Description = "The service it happens on" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the exercise (JSON, expected answers included) to this file" };
        var catalogue = new Option<string?>("--catalogue") { Description = "A YAML file of extra archetypes (docs/drills.md)" };
        var json = GlobalOptions.Json();
        var command = new Command("generate", "Generate a synthetic exercise from an archetype, with noise and red herrings by difficulty") { difficulty, archetype, seed, service, output, catalogue, json };
        command.SetAction(async (result, ct) =>
        {
            var archetypes = Catalogue(result.GetValue(catalogue));
            var options = new DrillOptions(result.GetValue(seed), result.GetValue(difficulty), result.GetValue(archetype), result.GetValue(service));
            Exercise exercise;
            if (CliHost.NamesStore(result))
            {
                await using var host = await CliHost.OpenAsync(result, context, ct);
                exercise = await host.Workspace.Drills.GenerateAsync(options, archetypes, ct);
            }
            else
            {
                exercise = DrillUseCases.Generate(options, catalogue: archetypes); // the fictional organisation's services
            }

            Emit(context, exercise, result.GetValue(output), result.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(CliContext context)
    {
        var id = new Argument<string>("INCIDENT-ID") { Description = "A stored incident" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the exercise (JSON) to this file" };
        var json = GlobalOptions.Json();
        var command = new Command("replay", "Turn a stored incident into an exercise with everything that gives the answer away removed") { id, output, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            Emit(context, await host.Workspace.Drills.ReplayAsync(result.GetValue(id)!, ct), result.GetValue(output), result.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sheet(CliContext context)
    {
        var exercise = new Argument<string>("EXERCISE") { Description = "An exercise file (from 'drill generate --out' or 'drill replay --out')" };
        var participants = new Option<string[]>("--participant", "-p") { Description = "A participant (repeat)" };
        var date = new Option<string?>("--date") { Description = "The exercise date (default: today)" };
        var command = new Command("sheet", "Print the tabletop sheet (Markdown) of an exercise: scenario, trajectory, the five tasks, 45 minutes, debrief") { exercise, participants, date };
        command.SetAction(result =>
        {
            var e = Load(result.GetValue(exercise)!);
            var day = ListCommand.Time(result.GetValue(date), "--date") ?? context.Clock.GetUtcNow();
            context.Out.Write(TabletopSheet.Markdown(e, DateOnly.FromDateTime(day.UtcDateTime), result.GetValue(participants) ?? []));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Grade(CliContext context)
    {
        var exercise = new Argument<string>("EXERCISE") { Description = "The exercise file" };
        var answers = new Argument<string>("ANSWERS") { Description = "The team's answers (JSON: severity, root_cause, blast_radius, remediation, regression_tests)" };
        var json = GlobalOptions.Json();
        var record = new Option<bool>("--record") { Description = "Keep the grade in the store (drill history, skill gaps, readiness)" };
        var participants = new Option<string[]>("--participant", "-p") { Description = "Who took part (repeat; default: the answer file's participants)" };
        var team = new Option<string?>("--team") { Description = "Their team (default: the answer file's team)" };
        var command = new Command("grade", "Grade answers against the expected findings, task by task, with a debrief") { exercise, answers, json, record, participants, team };
        command.SetAction(async (result, ct) =>
        {
            var e = Load(result.GetValue(exercise)!);
            var path = result.GetValue(answers)!;
            UserError.RequireFile(path);

            var given = DrillGrader.ReadAnswers(path);

            GradeResult grade;
            if (result.GetValue(record))
            {
                given = given with
                {
                    Participants = result.GetValue(participants) is { Length: > 0 } names ? names : given.Participants,
                    Team = result.GetValue(team) ?? given.Team,
                };
                await using var host = await CliHost.OpenAsync(result, context, ct);
                grade = await host.Workspace.Drills.GradeAsync(e, given, record: true, ct);
                context.Error.WriteLine($"recorded in {host.Engine.StoreDescription}");
            }
            else
            {
                var graded = DrillGrader.Grade(e, given);
                grade = new GradeResult(graded.ExerciseId, graded.Overall, graded.Tasks, Recorded: false);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, grade);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"Debrief of {grade.Exercise}: {grade.Overall}/100");
            foreach (var t in grade.Tasks)
            {
                o.WriteLine();
                o.WriteLine($"{t.Task}: {t.Score}/100 ({t.Note})");
                o.WriteLine($"  expected: {t.Expected}");
                o.WriteLine($"  given:    {t.Given}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command History(CliContext context)
    {
        var team = new Option<string?>("--team") { Description = "Only this team's drills" };
        var participant = new Option<string?>("--participant", "-p") { Description = "Only drills this person took part in" };
        var json = GlobalOptions.Json();
        var command = new Command("history", "Graded drills, the skill gaps they show (weakest tasks and archetypes) and readiness") { team, participant, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var gaps = await host.Workspace.Drills.HistoryAsync(result.GetValue(team), result.GetValue(participant), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, gaps);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            if (gaps.Drills == 0)
            {
                o.WriteLine("No graded drill recorded yet: grade one with 'hindsight drill grade EXERCISE ANSWERS --record'.");
                return ExitCodes.Ok;
            }

            foreach (var d in gaps.History)
            {
                o.WriteLine($"{d.GradedAt:yyyy-MM-dd}  {d.Overall,3}/100  {d.Exercise}  {d.Team ?? "-"}  {string.Join(", ", d.Participants)}");
            }

            o.WriteLine();
            o.WriteLine("By task (mean): " + string.Join(", ", gaps.ByTask.Select(x => $"{x.Key} {x.Value:0}")));
            o.WriteLine("By archetype (mean): " + string.Join(", ", gaps.ByArchetype.Select(a => $"{a.Archetype} {a.Mean:0} ({a.Drills})")));
            o.WriteLine(gaps.Weak.Count == 0 ? "No skill gap below 60." : "Skill gaps (mean below 60): " + string.Join(", ", gaps.Weak));
            o.WriteLine($"Readiness: {gaps.PreparedScenarios} of {gaps.ExpectedScenarios} scenarios drilled with a passing score ({gaps.Readiness:P0}); regression tests designed in drills: "
                + string.Join(", ", gaps.RegressionTestsByQuarter.Select(q => $"{q.Key} {q.Value}")));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Archetypes(CliContext context)
    {
        var catalogue = new Option<string?>("--catalogue") { Description = "Also list the archetypes of this YAML file" };
        var command = new Command("archetypes", "List the drill archetypes") { catalogue };
        command.SetAction(result =>
        {
            foreach (var a in Catalogue(result.GetValue(catalogue)))
            {
                context.Out.WriteLine($"{a.Name,-28} {a.Family,-15} {(a.Difficulty?.ToString().ToLowerInvariant() ?? "any"),-7} SEV{a.Severity}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<DrillArchetype> Catalogue(string? path)
    {
        if (path is null)
        {
            return DrillCatalogue.BuiltIn;
        }

        try
        {
            return [.. DrillCatalogue.BuiltIn, .. DrillCatalogue.Parse(File.ReadAllText(UserError.RequireFile(path)), path)];
        }
        catch (FormatException ex)
        {
            throw new UserError(ex.Message, ExitCodes.BadInput);
        }
    }

    private static Exercise Load(string path)
    {
        UserError.RequireFile(path);

        try
        {
            return DrillJson.ReadExercise(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new UserError($"{path}: not an exercise file ({ex.Message}); write one with 'hindsight drill generate --out FILE'", ExitCodes.BadInput);
        }
    }

    private static void Emit(CliContext context, Exercise exercise, string? output, bool json)
    {
        if (output is not null)
        {
            File.WriteAllText(output, DrillJson.Write(exercise) + "\n");
            context.Error.WriteLine($"wrote {exercise.Id} to {output} (expected answers included: keep it from the participants)");
        }

        if (json)
        {
            context.Out.WriteLine(DrillJson.Write(exercise));
            return;
        }

        var o = context.Out;
        o.WriteLine($"{exercise.Title}  [{exercise.Id}, {exercise.Difficulty.ToString().ToLowerInvariant()}]");
        o.WriteLine(exercise.Scenario);
        o.WriteLine();
        foreach (var e in exercise.Trajectory)
        {
            o.WriteLine($"  +{e.Minute,2} min  {e.Kind,-9} {e.Text}");
        }

        o.WriteLine();
        o.WriteLine("Tasks: 1 triage (SEV0–SEV3), 2 root cause, 3 blast radius, 4 remediation, 5 regression test — 45 minutes.");
        if (output is null)
        {
            o.WriteLine("Save it with --out FILE to print a tabletop sheet ('drill sheet FILE') and grade answers ('drill grade FILE ANSWERS').");
        }
    }
}
