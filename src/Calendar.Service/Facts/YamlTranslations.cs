using Calendar.Core;
using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Facts;

/// <summary>A fact's text in three languages: <c>title: …</c> with <c>title_ru</c>/<c>title_kk</c>, or <c>title: {en: …, ru: …, kk: …}</c>.</summary>
internal static class YamlTranslations
{
    /// <summary>The English text (required when <paramref name="required"/>) and its translations, each problem reported on its line.</summary>
    public static (string? English, Translations Translations) TranslatedText(this YamlFields fields, string key, bool required = false)
    {
        // The field itself first: an error listing the expected fields names them in the order an editor writes them.
        var node = fields.Node(key);
        var flatRu = fields.Text($"{key}_ru");
        var flatKk = fields.Text($"{key}_kk");
        if (node is not YamlMappingNode)
        {
            return (fields.Text(key, required), new Translations(flatRu, flatKk));
        }

        var nested = fields.Mapping(key)!;
        var english = nested.Text("en", required: true);
        var ru = nested.Text("ru");
        var kk = nested.Text("kk");
        nested.RejectUnknown();
        foreach (var (language, flat, inner) in new[] { ("ru", flatRu, ru), ("kk", flatKk, kk) })
        {
            if (flat is not null && inner is not null)
            {
                fields.Error(fields.LineOfField($"{key}_{language}"), $"{key}_{language}", $"is also given as {key}.{language}: give it once");
            }
        }

        return (english, new Translations(ru ?? flatRu, kk ?? flatKk));
    }
}
