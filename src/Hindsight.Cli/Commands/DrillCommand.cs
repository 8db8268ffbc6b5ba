using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Import;
using Hindsight.Incidents;
using Hindsight.Storage;

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
            var dependencies = await DependenciesAsync(result, context, ct);
            Exercise exercise;
            try
            {
                exercise = DrillGenerator.Generate(new DrillOptions(result.GetValue(seed), result.GetValue(difficulty), result.GetValue(archetype), result.GetValue(service)), dependencies, archetypes);
            }
            catch (ArgumentException ex)
            {
                throw new UserError(ex.Message);
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var incident = await store.FindAsync(org, RecordKind.Incident, result.GetValue(id)!.Trim(), ct) as Incident
                ?? throw new UserError($"no incident '{result.GetValue(id)}' in organisation '{org}'", ExitCodes.NotFound);
            var dependencies = new List<ServiceDependency>();
            await foreach (var d in store.ReadAsync(org, new RecordQuery(RecordKind.Dependency), ct))
            {
                dependencies.Add((ServiceDependency)d);
            }

            Emit(context, ReplayBuilder.From(incident, dependencies), result.GetValue(output), result.GetValue(json));
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

            DrillAnswers given;
            try
            {
                given = DrillGrader.ReadAnswers(path);
            }
            catch (InputException ex)
            {
                throw new UserError(ex.Message, ExitCodes.BadInput);
            }

            var grade = DrillGrader.Grade(e, given);
            if (result.GetValue(record))
            {
                given = given with
                {
                    Participants = result.GetValue(participants) is { Length: > 0 } names ? names : given.Participants,
                    Team = result.GetValue(team) ?? given.Team,
                };
                await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
                await using var writer = await store.BeginWriteAsync(GlobalOptions.OrgOf(result), ct);
                await writer.WriteAsync([DrillRecord.Of(e, given, grade, context.Clock.GetUtcNow())], ct);
                await writer.CommitAsync(ct);
                context.Error.WriteLine($"recorded in {store.Description}");
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["exercise"] = grade.ExerciseId,
                    ["overall"] = grade.Overall,
                    ["tasks"] = new JsonArray([.. grade.Tasks.Select(t => (JsonNode)new JsonObject
                    {
                        ["task"] = t.Task,
                        ["score"] = t.Score,
                        ["expected"] = t.Expected,
                        ["given"] = t.Given,
                        ["note"] = t.Note,
                    })]),
                });
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"Debrief of {grade.ExerciseId}: {grade.Overall}/100");
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var drills = new List<DrillRecord>();
            await foreach (var r in store.ReadAsync(GlobalOptions.OrgOf(result), new RecordQuery(RecordKind.Drill), ct))
            {
                var d = (DrillRecord)r;
                if ((result.GetValue(team) is not { } t || string.Equals(d.Team, t, StringComparison.OrdinalIgnoreCase))
                    && (result.GetValue(participant) is not { } p || d.Participants.Contains(p, StringComparer.OrdinalIgnoreCase)))
                {
                    drills.Add(d);
                }
            }

            var gaps = SkillGaps.Of(drills, DrillCatalogue.BuiltIn);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["drills"] = gaps.Drills,
                    ["by_task"] = new JsonObject([.. gaps.ByTask.Select(x => new KeyValuePair<string, JsonNode?>(x.Task, x.Mean))]),
                    ["by_archetype"] = new JsonArray([.. gaps.ByArchetype.Select(a => (JsonNode)new JsonObject { ["archetype"] = a.Archetype, ["mean"] = a.Mean, ["drills"] = a.Drills })]),
                    ["weak"] = new JsonArray([.. gaps.Weak.Select(w => (JsonNode)w)]),
                    ["prepared_scenarios"] = gaps.Prepared,
                    ["expected_scenarios"] = gaps.Expected,
                    ["readiness"] = Math.Round(gaps.Readiness, 3),
                    ["regression_tests_by_quarter"] = new JsonObject([.. gaps.RegressionTestsByQuarter.Select(q => new KeyValuePair<string, JsonNode?>(q.Quarter, q.Tests))]),
                    ["history"] = new JsonArray([.. drills.OrderBy(d => d.GradedAt).Select(d => (JsonNode)new JsonObject
                    {
                        ["exercise"] = d.ExerciseId,
                        ["graded_at"] = d.GradedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        ["team"] = d.Team,
                        ["participants"] = new JsonArray([.. d.Participants.Select(n => (JsonNode)n)]),
                        ["overall"] = d.Overall,
                    })]),
                });
                return ExitCodes.Ok;
            }

            var o = context.Out;
            if (drills.Count == 0)
            {
                o.WriteLine("No graded drill recorded yet: grade one with 'hindsight drill grade EXERCISE ANSWERS --record'.");
                return ExitCodes.Ok;
            }

            foreach (var d in drills.OrderBy(d => d.GradedAt))
            {
                o.WriteLine($"{d.GradedAt:yyyy-MM-dd}  {d.Overall,3}/100  {d.ExerciseId}  {d.Team ?? "-"}  {string.Join(", ", d.Participants)}");
            }

            o.WriteLine();
            o.WriteLine("By task (mean): " + string.Join(", ", gaps.ByTask.Select(x => $"{x.Task} {x.Mean:0}")));
            o.WriteLine("By archetype (mean): " + string.Join(", ", gaps.ByArchetype.Select(a => $"{a.Archetype} {a.Mean:0} ({a.Drills})")));
            o.WriteLine(gaps.Weak.Count == 0 ? "No skill gap below 60." : "Skill gaps (mean below 60): " + string.Join(", ", gaps.Weak));
            o.WriteLine($"Readiness: {gaps.Prepared} of {gaps.Expected} scenarios drilled with a passing score ({gaps.Readiness:P0}); regression tests designed in drills: "
                + string.Join(", ", gaps.RegressionTestsByQuarter.Select(q => $"{q.Quarter} {q.Tests}")));
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

    /// <summary>The organisation's dependencies when a store is given or exists; none otherwise (the fictional organisation is used).</summary>
    private static async Task<List<ServiceDependency>> DependenciesAsync(ParseResult result, CliContext context, CancellationToken ct)
    {
        var dependencies = new List<ServiceDependency>();
        if (result.GetValue(GlobalOptions.Store) is null && result.GetValue(GlobalOptions.Db) is null)
        {
            return dependencies;
        }

        await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
        await foreach (var d in store.ReadAsync(GlobalOptions.OrgOf(result), new RecordQuery(RecordKind.Dependency), ct))
        {
            dependencies.Add((ServiceDependency)d);
        }

        return dependencies;
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
