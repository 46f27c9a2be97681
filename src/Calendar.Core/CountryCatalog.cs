using System.Collections.Frozen;

namespace Calendar.Core;

/// <summary>The countries facts may name, with their English names and their Russian and Kazakh forms.</summary>
/// <remarks>
/// Starts from ISO 3166-1 and the reviewed table of forms; a facts folder may rename a country (the diplomatic name
/// can differ from the ISO short name), correct its forms, or declare a user-assigned code (<c>XA</c>) for a place
/// that is not a country.
/// </remarks>
public sealed class CountryCatalog
{
    private readonly FrozenDictionary<CountryCode, string> _names;
    private readonly FrozenDictionary<CountryCode, CountryForms> _forms;

    private CountryCatalog(FrozenDictionary<CountryCode, string> names, FrozenDictionary<CountryCode, CountryForms> forms) =>
        (_names, _forms) = (names, forms);

    public static CountryCatalog Iso { get; } = new(
        IsoCountries.Names.ToFrozenDictionary(pair => CountryCode.Parse(pair.Key), pair => pair.Value),
        CountryNameTable.Load().ToFrozenDictionary());

    public IEnumerable<CountryCode> Codes => _names.Keys.Order();

    public bool Contains(CountryCode code) => _names.ContainsKey(code);

    public string NameOf(CountryCode code) => _names.TryGetValue(code, out var name) ? name : code.Value;

    /// <summary>The Russian and Kazakh forms of <paramref name="code"/>: <see cref="CountryForms.None"/> for a code nobody gave them.</summary>
    public CountryForms FormsOf(CountryCode code) => _forms.TryGetValue(code, out var forms) ? forms : CountryForms.None;

    /// <summary>One form (<c>ru_ins</c>), or the English name where the form is missing, so that a title is never left without a name.</summary>
    public string Form(CountryCode code, string column) => FormsOf(code).Form(column) ?? NameOf(code);

    /// <summary>Whether <paramref name="code"/> may be declared by a facts file: an ISO code or a user-assigned one.</summary>
    public static bool IsDeclarable(CountryCode code) => Iso.Contains(code) || code.IsUserAssigned;

    /// <summary>This catalog with some names added or replaced.</summary>
    public CountryCatalog With(IEnumerable<KeyValuePair<CountryCode, string>> names) =>
        Declare(names.Select(pair => new CountryDeclaration(pair.Key, pair.Value, CountryForms.None)));

    /// <summary>This catalog with some names and forms added or replaced: a form given replaces the table's, the others stay.</summary>
    public CountryCatalog Declare(IEnumerable<CountryDeclaration> declarations)
    {
        var names = new Dictionary<CountryCode, string>(_names);
        var forms = new Dictionary<CountryCode, CountryForms>(_forms);
        foreach (var declaration in declarations)
        {
            if (!IsDeclarable(declaration.Code))
            {
                throw new ArgumentException($"'{declaration.Code}' is neither an ISO 3166-1 code nor a user-assigned one.", nameof(declarations));
            }

            if (declaration.English is { } english)
            {
                names[declaration.Code] = english;
            }

            forms[declaration.Code] = FormsOf(declaration.Code).With(declaration.Forms.All);
        }

        return new CountryCatalog(names.ToFrozenDictionary(), forms.ToFrozenDictionary());
    }

    /// <summary>"Kazakhstan", "Kazakhstan and Italy", "Kazakhstan, Italy and Spain".</summary>
    public string JoinNames(IReadOnlyList<CountryCode> codes) => codes.Count switch
    {
        0 => "",
        1 => NameOf(codes[0]),
        _ => string.Join(", ", codes.Take(codes.Count - 1).Select(NameOf)) + " and " + NameOf(codes[^1]),
    };
}

/// <summary>What a facts file says about a country: its English name, forms in other languages, or both.</summary>
public sealed record CountryDeclaration(CountryCode Code, string? English, CountryForms Forms);
