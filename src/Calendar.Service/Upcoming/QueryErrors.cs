namespace Calendar.Service.Upcoming;

/// <summary>Problems with request parameters, keyed by the parameter's name (the shape of a validation problem).</summary>
internal sealed class QueryErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var messages))
        {
            _errors[parameter] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Unknown parameters are errors: a misspelt <c>contry=IT</c> would otherwise answer for every country.</summary>
    public void RejectUnknown(IEnumerable<string> given, IReadOnlyCollection<string> known)
    {
        foreach (var name in given.Where(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            Add(name, $"unknown parameter; expected: {string.Join(", ", known)}");
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());

    public IEnumerable<string> Lines => _errors.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}"));
}
