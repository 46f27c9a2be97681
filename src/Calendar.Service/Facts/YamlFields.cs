using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Facts;

/// <summary>Reads the fields of one YAML mapping, reporting each problem with the line of the field.</summary>
/// <remarks>Unknown fields are errors: a misspelt <c>recur:</c> silently ignored would be a fact quietly wrong.</remarks>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _mapping;
    private readonly string _file;
    private readonly string _prefix;
    private readonly List<FactError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode mapping, string file, string prefix, List<FactError> errors)
    {
        _mapping = mapping;
        _file = file;
        _prefix = prefix;
        _errors = errors;
    }

    public int Line => LineOf(_mapping);

    public bool HasErrors { get; private set; }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    public string? Text(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    Error(Line, key, "is required");
                }

                return null;
            case YamlScalarNode { Value: var value } scalar:
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (required)
                    {
                        Error(LineOf(scalar), key, "must not be empty");
                    }

                    return null;
                }

                return value.Trim();
            case var other:
                Error(LineOf(other), key, "must be a single value, not a list or mapping");
                return null;
        }
    }

    /// <summary>A list of values; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<(string Value, int Line)> List(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    Error(Line, key, "is required");
                }

                return [];
            case YamlScalarNode { Value: { Length: > 0 } value } scalar:
                return [(value.Trim(), LineOf(scalar))];
            case YamlSequenceNode sequence:
                var values = new List<(string, int)>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        values.Add((text.Trim(), LineOf(item)));
                    }
                    else
                    {
                        Error(LineOf(item), key, "every item must be a single value");
                    }
                }

                if (required && values.Count == 0)
                {
                    Error(LineOf(sequence), key, "must not be empty");
                }

                return values;
            case var other:
                Error(LineOf(other), key, "must be a list");
                return [];
        }
    }

    public IEnumerable<YamlFields> Mappings(string key, string itemPrefix)
    {
        var node = Node(key);
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(LineOf(node), key, "must be a list");
            yield break;
        }

        var index = 0;
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return new YamlFields(mapping, _file, $"{_prefix}{itemPrefix}[{index}].", _errors);
            }
            else
            {
                Error(LineOf(item), $"{key}[{index}]", "must be a mapping of fields");
            }

            index++;
        }
    }

    public YamlFields? Mapping(string key)
    {
        var node = Node(key);
        if (node is null or YamlMappingNode)
        {
            return node is YamlMappingNode mapping ? new YamlFields(mapping, _file, $"{_prefix}{key}.", _errors) : null;
        }

        Error(LineOf(node), key, "must be a mapping of fields");
        return null;
    }

    public bool? Boolean(string key)
    {
        var text = Text(key);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Invalid(),
        };

        bool? Invalid()
        {
            Error(LineOf(Node(key)!), key, $"'{text}' must be true or false");
            return null;
        }
    }

    public int LineOfField(string key) => Node(key) is { } node ? LineOf(node) : Line;

    public void Error(int line, string field, string message)
    {
        HasErrors = true;
        _errors.Add(new FactError(_file, line, _prefix + field, message));
    }

    /// <summary>Reports every field that no reader asked for.</summary>
    public void RejectUnknown()
    {
        var expected = string.Join(", ", _read);
        foreach (var (key, _) in _mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                Error(LineOf(key), name, $"unknown field (expected one of: {expected})");
            }
        }
    }
}
