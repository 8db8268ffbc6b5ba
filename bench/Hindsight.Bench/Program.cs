using Hindsight.Bench;

// dotnet run -c Release --project bench/Hindsight.Bench -- <ingest|generate|phases|index-phases|report|report-phases|http|load|outage> [--incidents N] [--runs R] [--clients C] [--seconds S] [--store DIR --org ORG]
var command = args.Length > 0 ? args[0] : "ingest";
var incidents = Arg("--incidents", 100_000);
var runs = Arg("--runs", 5);
return command switch
{
    "ingest" => await IngestBenchmark.RunAsync(incidents, runs),
    "generate" => GenerateBenchmark.Run(incidents, runs),
    "phases" => await PhaseBenchmark.RunAsync(incidents),
    "index-phases" => await IndexPhaseBenchmark.RunAsync(Text("--store", "."), Text("--org", "default"), Arg("--runs", 1)),
    "micro" => MicroBenchmark.Run(),
    "report" => await ReportBenchmark.RunAsync(incidents, runs),
    "search-phases" => SearchPhaseBenchmark.Run(Text("--snapshot", "index/default.hsx"), Arg("--queries", 300), Arg("--runs", 3)),
    "report-phases" => await ReportPhaseBenchmark.RunAsync(Text("--store", "."), Text("--org", "default")),
    "http" => await HttpBenchmark.RunAsync(incidents, Arg("--clients", 32), Arg("--seconds", 30)),
    "load" => await ServiceLoad.RunAsync(incidents, Arg("--clients", 200), Arg("--seconds", 60)),
    "outage" => await DatabaseOutage.RunAsync(Arg("--clients", 20), Arg("--seconds", 10)),
    _ => Usage(),
};

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;
}

string Text(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Hindsight.Bench ingest|generate|phases|index-phases|micro|report|report-phases|http|load|outage [--incidents N] [--runs R] [--clients C] [--seconds S] [--store DIR --org ORG]");
    return 2;
}
