using Calendar.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Facts;

/// <summary>Reads a YAML facts file: an optional <c>countries:</c> map and a <c>facts:</c> list.</summary>
/// <remarks>
/// Works on YamlDotNet's representation model rather than deserializing into classes, so that every
/// error carries the line of the field it is about, and unknown fields can be reported.
/// </remarks>
internal sealed class YamlFactsReader
{
    private readonly FactsFile _file;
    private readonly List<FactError> _errors;
    private readonly CancellationToken _cancellationToken;
    private readonly YamlFields? _root;

    public YamlFactsReader(FactsFile file, List<FactError> errors, CancellationToken cancellationToken = default)
    {
        _file = file;
        _errors = errors;
        _cancellationToken = cancellationToken;
        _root = LoadRoot();
    }

    public FactsFile File => _file;

    /// <summary>The names this file gives to countries: diplomatic names, corrected Russian and Kazakh forms, or user-assigned codes it declares.</summary>
    /// <remarks>A code maps to its English name (<c>XA: Atlantis</c>) or to a mapping of <c>en</c> and the table's columns (<c>ru_ins: Тюркийе</c>).</remarks>
    public IEnumerable<CountryDeclaration> DeclaredCountries()
    {
        if (_root?.Node("countries") is not { } node)
        {
            yield break;
        }

        if (node is not YamlMappingNode map)
        {
            _root.Error(YamlFields.LineOf(node), "countries", "must map codes to names, e.g. 'XA: Atlantis'");
            yield break;
        }

        foreach (var (key, value) in map.Children)
        {
            var text = (key as YamlScalarNode)?.Value;
            var line = YamlFields.LineOf(key);
            if (!CountryCode.TryParse(text, out var code) || !CountryCatalog.IsDeclarable(code))
            {
                _root.Error(line, $"countries.{text}", "is neither an ISO 3166-1 alpha-2 code nor a user-assigned one (AA, QM-QZ, XA-XZ, ZZ)");
            }
            else if (value is YamlScalarNode { Value: { Length: > 0 } name })
            {
                yield return new(code, name.Trim(), CountryForms.None);
            }
            else if (value is YamlMappingNode forms && Forms(forms, $"countries.{text}.") is { } declaration)
            {
                yield return declaration with { Code = code };
            }
            else if (value is not YamlMappingNode)
            {
                _root.Error(line, $"countries.{text}", "needs a name");
            }
        }
    }

    /// <summary>A country's mapping: <c>en</c> and any of <see cref="CountryForms.Columns"/>; null after reporting what is wrong.</summary>
    private CountryDeclaration? Forms(YamlMappingNode mapping, string prefix)
    {
        var fields = new YamlFields(mapping, _file.DisplayPath, prefix, _errors);
        var english = fields.Text("en");
        var forms = CountryForms.Columns
            .Select(column => (column, text: fields.Text(column)))
            .Where(pair => pair.text is not null)
            .Select(pair => KeyValuePair.Create(pair.column, pair.text!))
            .ToList();
        fields.RejectUnknown();
        if (english is null && forms.Count == 0)
        {
            fields.Error(fields.Line, "en", "give the English name (en) or some of the forms (" + string.Join(", ", CountryForms.Columns) + ")");
        }

        return fields.HasErrors ? null : new CountryDeclaration(default, english, CountryForms.Of(forms));
    }

    public IEnumerable<LocatedFact> Facts(CountryCatalog countries)
    {
        if (_root is null)
        {
            yield break;
        }

        if (_root.Node("facts") is null)
        {
            _root.Error(_root.Line, "facts", "is required: a list of facts");
        }

        foreach (var fields in _root.Mappings("facts", "facts"))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (id, fact) = new YamlFactReader(fields, countries).Read();
            yield return new LocatedFact(id, fact, _file.DisplayPath, fields.Line);
        }

        _root.RejectUnknown();
    }

    private YamlFields? LoadRoot()
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new CancellableReader(_file.Text, _cancellationToken);
            stream.Load(new FactsYamlParser(reader, _cancellationToken));
        }
        catch (RefusedYamlException e)
        {
            _errors.Add(new FactError(_file.DisplayPath, (int)e.Start.Line, "yaml", e.Reason));
            return null;
        }
        catch (YamlException e)
        {
            // YamlDotNet reports "(Line: 3, Col: 5, ...): message"; the line goes where editors look for it.
            var message = e.InnerException?.Message ?? e.Message;
            _errors.Add(new FactError(_file.DisplayPath, (int)e.Start.Line, "yaml", $"not valid YAML: {message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            _errors.Add(new FactError(_file.DisplayPath, 1, "facts", "the file is empty"));
            return null;
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _errors.Add(new FactError(_file.DisplayPath, 1, "facts", "expected one YAML document with 'facts:' (and optionally 'countries:')"));
            return null;
        }

        return new YamlFields(root, _file.DisplayPath, "", _errors);
    }
}
