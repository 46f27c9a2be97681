using System.Text.RegularExpressions;
using Calendar.Core;
using NodaTime.Text;

namespace Calendar.Service.Facts;

/// <summary>Reads one entry of a <c>facts:</c> list into a <see cref="Fact"/>.</summary>
internal sealed partial class YamlFactReader
{
    private readonly YamlFields _fields;
    private readonly CountryCatalog _countries;

    public YamlFactReader(YamlFields fields, CountryCatalog countries)
    {
        _fields = fields;
        _countries = countries;
    }

    /// <summary>
    /// The fact, or null when any of its fields is wrong (each problem reported, every field read whatever
    /// else is wrong); and its id whenever it has one, so that a duplicate of an invalid fact is found too.
    /// </summary>
    public (string? Id, Fact? Fact) Read()
    {
        var id = _fields.Text("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            _fields.Error(_fields.LineOfField("id"), "id", $"'{id}' must be lower-case letters, digits and single hyphens, e.g. kz-it-relations");
        }

        var kind = ReadKind();
        var countries = ReadCountries();
        var date = ReadDate();
        var (title, titleIn) = _fields.TranslatedText("title", required: true);
        var (anniversaryOf, anniversaryOfIn) = _fields.TranslatedText("anniversary_of");
        var recurs = _fields.Boolean("recurs");
        var status = ReadStatus();
        var place = ReadPlace();
        var participants = _fields.List("participants").Select(p => p.Value).ToArray();
        var note = _fields.Text("note");
        var derivation = _fields.Text("derived");
        var sources = ReadSources();
        if (_fields.Boolean("draft") == true)
        {
            // `extract` proposes; an editor accepts. A draft never reaches the calendar unreviewed.
            _fields.Error(_fields.LineOfField("draft"), "draft", "this fact is a draft from `extract`: review it against its evidence and the article, then remove `draft: true` (and same_as or conflicts_with) to let it into the calendar");
        }

        // Where a reviewed draft was quoted from: the editor may keep it as provenance; the calendar does not use it.
        _ = _fields.Node("evidence");
        _fields.RejectUnknown();

        if (_fields.HasErrors || id is null || kind is null || date is null || title is null)
        {
            return (id, null);
        }

        return (id, new Fact
        {
            Id = id,
            Kind = kind.Value,
            Countries = countries,
            Date = date.Value,
            Title = title,
            TitleIn = titleIn,
            AnniversaryOf = anniversaryOf,
            AnniversaryOfIn = anniversaryOfIn,
            Recurs = recurs ?? kind.Value.RecursByDefault(),
            Status = status,
            Place = place,
            Participants = participants,
            Note = note,
            Derivation = derivation,
            Sources = sources,
        });
    }

    private FactKind? ReadKind()
    {
        var text = _fields.Text("kind", required: true);
        if (text is null)
        {
            return null;
        }

        if (FactKinds.TryParse(text, out var kind))
        {
            return kind;
        }

        _fields.Error(_fields.LineOfField("kind"), "kind", $"unknown kind '{text}' (expected one of: {string.Join(", ", FactKinds.All)})");
        return null;
    }

    private CountryCode[] ReadCountries()
    {
        var codes = new List<CountryCode>();
        foreach (var (text, line) in _fields.List("countries", required: true))
        {
            if (CountryRules.TryRead(text, _countries, out var code, out var error))
            {
                codes.Add(code);
            }
            else
            {
                _fields.Error(line, "countries", error);
            }
        }

        return [.. codes.Distinct()];
    }

    private PartialDate? ReadDate()
    {
        var text = _fields.Text("date", required: true);
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date, out var error))
        {
            return date;
        }

        _fields.Error(_fields.LineOfField("date"), "date", error);
        return null;
    }

    private FactStatus ReadStatus()
    {
        var text = _fields.Text("status");
        switch (text)
        {
            case null or "occurred":
                return FactStatus.Occurred;
            case "scheduled":
                return FactStatus.Scheduled;
            case "planned":
                return FactStatus.Planned;
            default:
                _fields.Error(_fields.LineOfField("status"), "status", $"unknown status '{text}' (expected occurred, scheduled or planned)");
                return FactStatus.Occurred;
        }
    }

    private Place? ReadPlace()
    {
        if (_fields.Mapping("place") is not { } place)
        {
            return null;
        }

        var city = place.Text("city");
        var countryText = place.Text("country", required: true);
        place.RejectUnknown();
        if (countryText is null)
        {
            return null;
        }

        if (!CountryRules.TryRead(countryText, _countries, out var country, out var error))
        {
            place.Error(place.LineOfField("country"), "country", error);
            return null;
        }

        return new Place(city, country);
    }

    private Source[] ReadSources()
    {
        var sources = new List<Source>();
        var given = 0;
        foreach (var source in _fields.Mappings("sources", "sources"))
        {
            given++;
            // A headline of its own (title), or the editor's description of an article that has none (about): exactly one.
            var title = source.Text("title");
            var about = source.Text("about");
            if (title is null && about is null)
            {
                source.Error(source.Line, "title", "is required: the article's headline (or, for an article without one, about: what it is about)");
            }
            else if (title is not null && about is not null)
            {
                source.Error(source.LineOfField("about"), "about", "give either title (the article's own headline) or about (what an article without a headline is about), not both");
            }

            var outlet = source.Text("outlet");
            var published = source.Text("published");
            var url = source.Text("url");
            source.RejectUnknown();

            var publishedDate = published is null ? null : LocalDatePattern.Iso.Parse(published) switch
            {
                // Years start at 0001, as for a fact's date (NodaTime's ISO pattern accepts 0000, 1 BC).
                { Success: true, Value.Year: >= 1 } parsed => parsed.Value,
                _ => Invalid<NodaTime.LocalDate?>(source, "published", $"'{published}' must be a date, YYYY-MM-DD, from 0001"),
            };
            var uri = url is null ? null : SourceRules.TryReadUrl(url, out var parsedUrl, out var urlError)
                ? parsedUrl
                : Invalid<Uri?>(source, "url", urlError);
            if ((title is null) != (about is null))
            {
                sources.Add(new Source(title, outlet, publishedDate, uri) { About = about });
            }
        }

        // Unless 'sources' is there but not a list (already reported): a fact with no source is an error whatever else is wrong.
        if (given == 0 && _fields.Node("sources") is null or YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 })
        {
            _fields.Error(_fields.LineOfField("sources"), "sources", "every fact needs at least one source (title, and outlet and published date where known)");
        }

        return [.. sources];
    }

    private static T Invalid<T>(YamlFields fields, string field, string message)
    {
        fields.Error(fields.LineOfField(field), field, message);
        return default!;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
