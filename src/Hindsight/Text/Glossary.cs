using System.Collections.Frozen;

namespace Hindsight.Text;

/// <summary>
/// Japanese incident vocabulary with its English counterpart. When a Japanese text contains a word of the glossary the
/// analyzer also emits the English term, so a Japanese report meets the English reports of the same failure.
/// The English side is stemmed the same way English text is.
/// </summary>
internal static class Glossary
{
    public static readonly FrozenDictionary<string, string> JapaneseToEnglish = new Dictionary<string, string>
    {
        ["障害"] = "outage",
        ["停止"] = "outage",
        ["遅延"] = "latency",
        ["レイテンシ"] = "latency",
        ["タイムアウト"] = "timeout",
        ["接続"] = "connection",
        ["コネクション"] = "connection",
        ["枯渇"] = "exhausted",
        ["飽和"] = "saturated",
        ["証明書"] = "certificate",
        ["期限切れ"] = "expired",
        ["失効"] = "expired",
        ["更新"] = "renewal",
        ["デプロイ"] = "deploy",
        ["リリース"] = "release",
        ["ロールバック"] = "rollback",
        ["差し戻"] = "rollback",
        ["再起動"] = "restart",
        ["設定"] = "configuration",
        ["メモリ"] = "memory",
        ["メモリリーク"] = "leak",
        ["ディスク"] = "disk",
        ["容量"] = "capacity",
        ["データベース"] = "database",
        ["レプリカ"] = "replica",
        ["フェイルオーバー"] = "failover",
        ["キャッシュ"] = "cache",
        ["ネットワーク"] = "network",
        ["分断"] = "partition",
        ["ロードバランサー"] = "load balancer",
        ["認証"] = "authentication",
        ["エラー率"] = "error rate",
        ["エラー"] = "error",
        ["キュー"] = "queue",
        ["滞留"] = "backlog",
        ["スロットル"] = "throttling",
        ["レート制限"] = "rate limit",
        ["プール"] = "pool",
        ["スレッド"] = "thread",
        ["クエリ"] = "query",
        ["インデックス"] = "index",
        ["ロック"] = "lock",
        ["アラート"] = "alert",
        ["監視"] = "monitoring",
        ["カナリア"] = "canary",
        ["スケール"] = "scale",
        ["増設"] = "scale",
        ["名前解決"] = "dns",
        ["ハンドシェイク"] = "handshake",
        ["決済"] = "payment",
        ["支払"] = "payment",
        ["ログイン"] = "login",
        ["検索"] = "search",
        ["通知"] = "notification",
        ["バッチ"] = "batch",
        ["ジョブ"] = "job",
        ["バックアップ"] = "backup",
        ["復旧"] = "recovery",
        ["暗号"] = "encryption",
        ["鍵"] = "key",
        ["ストレージ"] = "storage",
        ["書き込み"] = "write",
        ["読み込み"] = "read",
        ["失敗"] = "failure",
        ["急増"] = "spike",
        ["高負荷"] = "load",
        ["過負荷"] = "overload",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Japanese keys, longest first, for scanning a run of Japanese text.</summary>
    public static readonly string[] Keys = [.. JapaneseToEnglish.Keys.OrderByDescending(k => k.Length)];
}
