using Hindsight.Server;

var app = HindsightServer.Build(args);
await app.RunAsync();

/// <summary>The service's entry point (also what the tests start).</summary>
public partial class Program;
