using System.Globalization;
using Hindsight.Application.Learning;

namespace Hindsight.Cli.Output;

/// <summary>The learning model's further measures in words (the rates themselves are printed with the others).</summary>
internal static class MeasuresText
{
    public static void Write(TextWriter o, MeasuresFigure m)
    {
        var a = m.AlertNoise;
        o.WriteLine(a.Firings == 0 ? $"alert rules: missing — {a.NoiseRate.Missing}"
            : string.Create(CultureInfo.InvariantCulture, $"alert rules: {a.Rules:N0} fired {a.Firings:N0} times; tune first: {(a.Noisiest.Count == 0 ? "none is mostly noise" : string.Join(", ", a.Noisiest))}; fired after people noticed: {(a.Late.Count == 0 ? "none" : string.Join(", ", a.Late))} (hindsight alerts noise)"));
        var f = m.KnowledgeFreshness;
        if (f.StaleRate.Value is not null)
        {
            var stale = f.ByItem.Where(i => i.Stale).Select(i => i.Ref).Take(3).ToList();
            o.WriteLine($"stale knowledge now: {(stale.Count == 0 ? "none" : string.Join(", ", stale))}; services that keep consulting stale or unhelpful knowledge: {(f.Services.Count == 0 ? "none" : string.Join(", ", f.Services.Take(5).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Service} ({s.PoorShare:P0} of {s.Consultations})"))))}");
        }

        var c = m.CapabilityImprovement;
        o.WriteLine(c.Missing is { } missing ? $"capability improvement: missing — {missing}"
            : string.Create(CultureInfo.InvariantCulture, $"capability improvement: the same failure mode resolved {Change(c.ResolveFaster, "faster", "slower")} and detected {Change(c.DetectEarlier, "earlier", "later")} in the later half of its incidents (median over {c.Modes.Count} failure modes)"));
        var culture = m.Culture;
        o.WriteLine(culture.Score is not { } score ? $"culture survey: missing — {culture.Missing}"
            : string.Create(CultureInfo.InvariantCulture, $"culture survey (answers people gave; never part of the maturity level): {score:P0} of the scale in {culture.Quarter}; {string.Join(", ", culture.Teams.Select(t => $"{t.Team} {t.Quarters[^1].Score:P0}{(t.Change is { } d ? $" ({d * 100:+0;-0;0} points)" : "")}"))}"));
    }

    private static string Change(double? change, string better, string worse) => change switch
    {
        null => "(not measurable)",
        >= 0 => string.Create(CultureInfo.InvariantCulture, $"{change:P0} {better}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{-change:P0} {worse}"),
    };
}
