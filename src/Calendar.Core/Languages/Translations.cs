namespace Calendar.Core;

/// <summary>A fact's own text in Russian and Kazakh, where its editor wrote it (<c>title_ru</c>, <c>title: {ru: ...}</c>); English is the fact's own field.</summary>
public sealed record Translations(string? Ru, string? Kk)
{
    public static Translations None { get; } = new(null, null);

    /// <summary>The text in <paramref name="language"/>, or null where the editor gave none (English is never here).</summary>
    public string? In(Language language) => language switch
    {
        Language.Ru => Ru,
        Language.Kk => Kk,
        _ => null,
    };
}
