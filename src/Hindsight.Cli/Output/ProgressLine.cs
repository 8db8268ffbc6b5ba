using System.Diagnostics;

namespace Hindsight.Cli.Output;

/// <summary>
/// Progress of long work on standard error: a bar redrawn in place on a terminal; on redirected output a plain
/// line every few seconds, so logs stay readable. Never coloured, so NO_COLOR holds trivially.
/// </summary>
internal sealed class ProgressLine(CliContext context, string label)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;
    private bool _drawn;
    private string? _shown;

    public void Update(double fraction, string detail, bool force = false)
    {
        var now = _clock.Elapsed;
        var interval = context.ErrorIsTerminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(2);
        if (!force && _last is { } last && now - last < interval)
        {
            return;
        }

        _last = now;
        fraction = Math.Clamp(double.IsNaN(fraction) ? 0 : fraction, 0, 1);
        var shown = $"{fraction:P0} {detail}";
        if (shown == _shown)
        {
            return; // the same again (the final update after one that said it all)
        }

        _shown = shown;
        if (context.ErrorIsTerminal)
        {
            const int width = 24;
            var filled = (int)Math.Round(fraction * width);
            context.Error.Write($"\r{label} [{new string('#', filled)}{new string('-', width - filled)}] {fraction,4:P0} {detail}\u001b[K");
            _drawn = true;
        }
        else
        {
            context.Error.WriteLine($"{label}: {fraction:P0} {detail}");
        }
    }

    public void Done()
    {
        if (_drawn)
        {
            context.Error.Write("\r\u001b[K");
            _drawn = false;
        }
    }
}
