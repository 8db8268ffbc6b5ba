using Hindsight.History;
using Hindsight.Organisations;

namespace Hindsight.Storage;

/// <summary>A record as the store holds it: its organisation, kind, key, time and canonical JSON.</summary>
/// <param name="Organisation">The organisation it belongs to.</param>
/// <param name="Kind">The record kind.</param>
/// <param name="Key">The record key.</param>
/// <param name="At">The record's main time, if any.</param>
/// <param name="Document">The canonical JSON, UTF-8.</param>
public sealed record StoredRecord(string Organisation, RecordKind Kind, string Key, DateTimeOffset? At, ReadOnlyMemory<byte> Document);
