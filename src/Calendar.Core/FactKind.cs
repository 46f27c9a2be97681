using System.Collections.Frozen;

namespace Calendar.Core;

/// <summary>What a fact records.</summary>
public enum FactKind
{
    Relations,
    StrategicPartnership,
    Opening,
    Founding,
    Visit,
    Consultations,
    Meeting,
    Signing,
    AirRoute,
    CulturalEvent,
    Milestone,
}

/// <summary>The names kinds have in facts files, URLs and JSON: <c>relations</c>, <c>strategic-partnership</c>.</summary>
public static class FactKinds
{
    private static readonly FrozenDictionary<FactKind, string> Names = new Dictionary<FactKind, string>
    {
        [FactKind.Relations] = "relations",
        [FactKind.StrategicPartnership] = "strategic-partnership",
        [FactKind.Opening] = "opening",
        [FactKind.Founding] = "founding",
        [FactKind.Visit] = "visit",
        [FactKind.Consultations] = "consultations",
        [FactKind.Meeting] = "meeting",
        [FactKind.Signing] = "signing",
        [FactKind.AirRoute] = "air-route",
        [FactKind.CulturalEvent] = "cultural-event",
        [FactKind.Milestone] = "milestone",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FactKind> ByName =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => Names.Values.Order(StringComparer.Ordinal);

    public static string Name(this FactKind kind) => Names[kind];

    public static bool TryParse(string? name, out FactKind kind) => ByName.TryGetValue(name?.Trim() ?? "", out kind);

    /// <summary>Kinds whose anniversaries are worth marking unless a fact says otherwise.</summary>
    public static bool RecursByDefault(this FactKind kind) =>
        kind is FactKind.Relations or FactKind.StrategicPartnership or FactKind.Opening or FactKind.Founding;
}
