using System.Globalization;
using Calendar.Core;
using Calendar.Extraction;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Facts;

/// <summary>Drafts in the facts format, as the seeds are written, with <c>draft: true</c> and the evidence of each.</summary>
/// <remarks>Built as YamlDotNet's representation model and saved by it, so that any quote in a sentence is escaped by the library.</remarks>
internal static class DraftsYaml
{
    public const string Header =
        "# Drafts proposed by `extract`: review each against its evidence and the article, correct it, then remove\n" +
        "# `draft: true` (and same_as or conflicts_with) to let it into the calendar. The loader refuses drafts.\n";

    public static string Write(IReadOnlyList<DraftFact> drafts)
    {
        var facts = new YamlSequenceNode();
        foreach (var draft in drafts)
        {
            facts.Add(Fact(draft));
        }

        var document = new YamlDocument(new YamlMappingNode { { "facts", facts } });
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(Header);
        new YamlStream(document).Save(writer, assignAnchors: false);
        // YamlDotNet ends a document with "...": not wanted in a file meant to be pasted into a facts file.
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static YamlMappingNode Fact(DraftFact draft)
    {
        var fact = draft.Fact;
        var node = new YamlMappingNode
        {
            { "id", fact.Id },
            { "draft", "true" },
            { "kind", fact.Kind.Name() },
            { "countries", new YamlSequenceNode(fact.Countries.Select(c => new YamlScalarNode(c.Value))) { Style = SequenceStyle.Flow } },
            { "date", fact.Date.ToIsoString() },
        };
        Optional(node, "derived", fact.Derivation);
        node.Add("title", fact.Title);
        node.Add("recurs", fact.Recurs ? "true" : "false");
        node.Add("status", fact.Status.ToString().ToLowerInvariant());
        if (fact.Place is { } place)
        {
            var where = new YamlMappingNode { Style = MappingStyle.Flow };
            Optional(where, "city", place.City);
            where.Add("country", place.Country.Value);
            node.Add("place", where);
        }

        Optional(node, "same_as", draft.SameAs);
        Optional(node, "conflicts_with", draft.ConflictsWith);
        var evidence = draft.Evidence;
        node.Add("evidence", new YamlMappingNode
        {
            { "sentence", new YamlScalarNode(evidence.Sentence) { Style = ScalarStyle.DoubleQuoted } },
            { "offset", evidence.Offset.ToString(CultureInfo.InvariantCulture) },
            { "line", evidence.Line.ToString(CultureInfo.InvariantCulture) },
            { "column", evidence.Column.ToString(CultureInfo.InvariantCulture) },
        });
        node.Add("sources", new YamlSequenceNode(fact.Sources.Select(Source)));
        return node;
    }

    private static YamlMappingNode Source(Source source)
    {
        var node = new YamlMappingNode();
        Optional(node, "title", source.Title);
        Optional(node, "about", source.About);
        Optional(node, "outlet", source.Outlet);
        Optional(node, "published", source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Optional(node, "url", source.Url?.ToString());
        return node;
    }

    private static void Optional(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, value);
        }
    }
}
