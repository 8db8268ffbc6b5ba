using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>A record as of a store revision: the change feed that indexes follow.</summary>
/// <param name="Revision">The store revision that wrote this version of the record.</param>
/// <param name="Record">The record.</param>
public sealed record RecordChange(long Revision, HistoryRecord Record);
