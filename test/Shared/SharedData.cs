namespace Hindsight.Testing;

/// <summary>The real public data beside the project (../shared/data); tests on it are skipped, saying so, where it is absent.</summary>
public static class SharedData
{
    public static string? Folder { get; } = Find();

    public static string PathOf(string name) => System.IO.Path.Combine(Folder ?? throw new InvalidOperationException("shared data not found"), name);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(System.IO.Path.Combine(candidate, "github_status_incidents.jsonl")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared/data and is skipped, with the reason, without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = "the real public data (../shared/data beside the project) is not here; these checks run where it is, as in CI";
        }
    }
}

/// <summary>A theory that needs ../shared/data and is skipped, with the reason, without it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = "the real public data (../shared/data beside the project) is not here; these checks run where it is, as in CI";
        }
    }
}
