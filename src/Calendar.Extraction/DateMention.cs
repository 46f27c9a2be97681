using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>A date written in a sentence, at the precision the words give, and how it was worked out when they do not say it outright.</summary>
/// <param name="Start">Where the words start in the sentence.</param>
/// <param name="End">Where they end (exclusive).</param>
/// <param name="Text">The words: "September 2016", "this year".</param>
/// <param name="Date">What they mean: 2016-09, 2024.</param>
/// <param name="Derivation">Null when the words give the date outright; otherwise how it follows from the publication date.</param>
internal sealed record DateMention(int Start, int End, string Text, PartialDate Date, string? Derivation);
