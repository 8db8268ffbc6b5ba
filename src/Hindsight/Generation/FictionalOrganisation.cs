namespace Hindsight.Generation;

/// <summary>The fictional organisation of generated histories: its services, who owns them, what they call, and its people.</summary>
internal static class FictionalOrganisation
{
    /// <summary>The person the planted knowledge silo concentrates certificate work on.</summary>
    public const string CertificateExpert = "Kenji Sato";

    /// <summary>The service whose Friday deploys are planted as risky.</summary>
    public const string RiskyDeployService = "checkout-api";

    /// <summary>The service of the planted recurring root cause, and its database.</summary>
    public const string RecurringService = "payments-api";

    /// <summary>The database of the planted recurring root cause.</summary>
    public const string RecurringDependency = "payments-db";

    /// <summary>The team that writes its incidents in Japanese.</summary>
    public const string JapaneseTeam = "tokyo-platform";

    public static readonly IReadOnlyList<Service> Services =
    [
        new("edge-gateway", "platform", 3, true, ["auth-api", "checkout-api", "search-api", "catalog-api", "dns"]),
        new("auth-api", "identity", 2, true, ["users-db", "session-cache"]),
        new("users-db", "identity", 1, false, []),
        new("session-cache", "platform", 1, false, []),
        new("checkout-api", "checkout", 3, true, ["payments-api", "cart-service", "inventory-api", "session-cache"]),
        new("cart-service", "checkout", 2, true, ["cart-db", "session-cache"]),
        new("cart-db", "checkout", 1, false, []),
        new("payments-api", "payments", 3, true, ["payments-db", "fraud-service", "ledger-service"]),
        new("payments-db", "payments", 2, false, []),
        new("fraud-service", "payments", 1, true, ["feature-store"]),
        new("ledger-service", "payments", 1, true, ["ledger-db", "message-queue"]),
        new("ledger-db", "payments", 1, false, []),
        new("inventory-api", "checkout", 2, true, ["inventory-db", "message-queue"]),
        new("inventory-db", "checkout", 1, false, []),
        new("search-api", "search", 2, true, ["search-index", "catalog-api"]),
        new("search-index", "search", 2, false, []),
        new("catalog-api", "search", 2, true, ["catalog-db", "object-storage"]),
        new("catalog-db", "search", 1, false, []),
        new("notification-worker", "platform", 1, true, ["message-queue", "email-provider"]),
        new("message-queue", "platform", 2, false, []),
        new("email-provider", "platform", 1, false, []),
        new("feature-store", "data", 1, true, ["object-storage"]),
        new("etl-pipeline", "data", 2, true, ["object-storage", "warehouse"]),
        new("warehouse", "data", 1, false, []),
        new("object-storage", "platform", 1, false, []),
        new("dns", "platform", 1, false, []),
        new("ml-inference", "data", 2, true, ["feature-store", "gpu-pool"]),
        new("gpu-pool", "data", 1, false, []),
        new("recommendation-api", JapaneseTeam, 2, true, ["ml-inference", "catalog-api"]),
        new("jp-storefront", JapaneseTeam, 3, true, ["recommendation-api", "checkout-api", "edge-gateway"]),
        new("mobile-bff", "mobile", 2, true, ["edge-gateway"]),
        new("cert-manager", "platform", 1, true, ["dns"]),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Teams = new Dictionary<string, IReadOnlyList<string>>
    {
        ["platform"] = [CertificateExpert, "Maria Garcia", "Tom Becker", "Priya Nair", "Liam O'Brien"],
        ["identity"] = ["Sofia Rossi", "Daniel Kim", "Amara Okafor", "Jonas Weber"],
        ["checkout"] = ["Emma Larsen", "Lucas Martin", "Chen Wei", "Olivia Brown", "Mateo Silva"],
        ["payments"] = ["Noah Fischer", "Aisha Rahman", "Ethan Clarke", "Mia Novak"],
        ["search"] = ["Isabella Costa", "Arjun Mehta", "Hannah Schulz", "Leo Dubois"],
        ["data"] = ["Grace Liu", "Samuel Adeyemi", "Nora Lindqvist", "Omar Haddad"],
        [JapaneseTeam] = ["田中 愛子", "佐藤 健", "鈴木 陽菜", "高橋 大輔", "伊藤 美咲"],
        ["mobile"] = ["Chloe Martin", "Ryan Walsh", "Yuki Mori", "Ana Pereira"],
    };

    public static string RegionOf(Service service) => service.Team == JapaneseTeam ? "ap-northeast-1" : "us-east-1";

    /// <summary>A service of the organisation.</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="Team">The team that owns it.</param>
    /// <param name="Traffic">How much it is used (weights which services incidents hit).</param>
    /// <param name="Deployable">Whether the organisation deploys it (databases and vendors are not).</param>
    /// <param name="DependsOn">What it calls.</param>
    public sealed record Service(string Name, string Team, int Traffic, bool Deployable, IReadOnlyList<string> DependsOn);
}
