using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>An entry of a facts file and where it was written, for errors that point at two places (duplicate ids).</summary>
/// <remarks>The id is known even when the fact is invalid: a duplicate id is reported whichever definition is wrong.</remarks>
internal sealed record LocatedFact(string? Id, Fact? Fact, string File, int Line);
