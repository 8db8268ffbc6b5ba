using Hindsight.Organisations;

namespace Hindsight.Testing;

/// <summary>The organisations the tests write into.</summary>
internal static class Orgs
{
    public static readonly Organisation Acme = Organisation.Parse("acme");

    public static readonly Organisation Globex = Organisation.Parse("globex");

    public static readonly Organisation Default = Organisation.Default;
}
