using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>A fact and where it was written, for errors that point at two places (duplicate ids).</summary>
internal sealed record LocatedFact(Fact Fact, string File, int Line);
