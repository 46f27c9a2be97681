using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>A fact proposed from a press release, for an editor to review: the fact, the sentence it came from, and how it stands against the facts already loaded.</summary>
/// <param name="Fact">The proposed fact, sourced from the article.</param>
/// <param name="Evidence">The sentence, quoted exactly, and where it is in the text.</param>
/// <param name="SameAs">The id of a loaded fact this one repeats, if any.</param>
/// <param name="ConflictsWith">The id of a loaded fact this one contradicts, if any.</param>
public sealed record DraftFact(Fact Fact, Evidence Evidence, string? SameAs = null, string? ConflictsWith = null);

/// <summary>What to draft facts from: the article's text and what is known about it.</summary>
/// <param name="Text">The article, as plain text.</param>
/// <param name="Published">The day it was published: "today", "this year" and anniversaries are counted from it.</param>
/// <param name="Home">The country whose ministry or press speaks as "we" and "our".</param>
/// <param name="Source">The article as a source, given to every draft.</param>
public sealed record PressRelease(string Text, NodaTime.LocalDate Published, CountryCode Home, Source Source);
