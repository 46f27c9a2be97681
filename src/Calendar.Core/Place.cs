namespace Calendar.Core;

/// <summary>Where an event takes place: a country, and the city when the source names it.</summary>
public sealed record Place(string? City, CountryCode Country);
