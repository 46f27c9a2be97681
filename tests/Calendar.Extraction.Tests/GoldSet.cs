using Calendar.Core;
using NodaTime.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Calendar.Extraction.Tests;

/// <summary>The hand-labelled press items in Gold/: quoted sentences, metadata and the facts an editor takes from them.</summary>
internal static class GoldSet
{
    public static IReadOnlyList<GoldItem> Items { get; } = Load();

    private static List<GoldItem> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var folder = Path.Combine(AppContext.BaseDirectory, "Gold");
        return [.. Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => deserializer.Deserialize<GoldFile>(File.ReadAllText(file)).Items)];
    }
}

internal sealed class GoldFile
{
    public List<GoldItem> Items { get; set; } = [];
}

internal sealed class GoldItem
{
    public string Id { get; set; } = "";

    public string? Outlet { get; set; }

    public string Published { get; set; } = "";

    public string? Title { get; set; }

    public string? About { get; set; }

    public string? Url { get; set; }

    public string Home { get; set; } = "KZ";

    /// <summary>Labelled after the rules were written, and first run unseen (Gold/held-out*.yaml); used to improve them since.</summary>
    public bool HeldOut { get; set; }

    public List<string> Sentences { get; set; } = [];

    public List<GoldFact> Facts { get; set; } = [];

    /// <summary>The text <c>extract</c> reads: the quoted sentences, a paragraph each.</summary>
    public string Text => string.Join("\n\n", Sentences);

    public PressRelease Release => new(
        Text,
        LocalDatePattern.Iso.Parse(Published).GetValueOrThrow(),
        CountryCode.Parse(Home),
        new Source(Title, Outlet, LocalDatePattern.Iso.Parse(Published).GetValueOrThrow(), Url is null ? null : new Uri(Url)) { About = About });

    public override string ToString() => Id;
}

internal sealed class GoldFact
{
    public string Kind { get; set; } = "";

    public List<string> Countries { get; set; } = [];

    public string Date { get; set; } = "";

    public string Status { get; set; } = "occurred";

    public GoldPlace? Place { get; set; }

    public override string ToString() => $"{Kind} {string.Join('-', Countries)} {Date} {Status}";
}

internal sealed class GoldPlace
{
    public string? City { get; set; }

    public string Country { get; set; } = "";
}
