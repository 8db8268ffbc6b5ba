using Microsoft.Playwright;

namespace Hindsight.Testing;

/// <summary>Headless Chromium from the system package (never downloaded): required under CI, skipped with the reason elsewhere.</summary>
internal static class Browser
{
    public const string Executable = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool ShouldRun => InCi || File.Exists(Executable);

    public static string WhyUnavailable => $"Chromium is not installed at {Executable} (apt-get install chromium, or run .ci/run)";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}

/// <summary>A fact that needs Chromium: skipped with the reason outside CI when it is missing, failing loudly in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.ShouldRun)
        {
            Skip = Browser.WhyUnavailable;
        }
    }
}
