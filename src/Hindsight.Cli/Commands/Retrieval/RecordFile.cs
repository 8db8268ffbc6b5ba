using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary>Reads the incidents of one import file, reporting bad records on standard error and skipping them.</summary>
internal static class RecordFile
{
    public static IReadOnlyList<Incident> ReadIncidents(string path, ImportFormat format, CliContext context)
    {
        UserError.RequireFile(path);

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (format == ImportFormat.Auto)
        {
            format = ImportSource.Detect(path, head[..read]);
        }

        var incidents = new List<Incident>();
        var problems = 0;
        foreach (var parsed in ImportSource.For(format, path, null).Read(stream, ImportLimits.Default))
        {
            if (parsed.IsValid && parsed.Record is Incident incident)
            {
                incidents.Add(incident);
            }
            else if (!parsed.IsValid)
            {
                if (problems++ < 10)
                {
                    foreach (var error in parsed.Errors)
                    {
                        context.Error.WriteLine($"{path}:{parsed.Line}: {error}");
                    }
                }
            }
        }

        if (problems > 0)
        {
            context.Error.WriteLine($"{path}: {problems:N0} record(s) skipped");
        }

        return incidents;
    }
}
