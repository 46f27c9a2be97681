namespace Calendar.Core;

/// <summary>A country's name in every form the Russian and Kazakh titles need, one column of <c>docs/i18n/country-names.tsv</c> each.</summary>
/// <remarks>Every form is the whole name in that case («Соединёнными Штатами Америки»), so a title never declines a name itself.</remarks>
public sealed record CountryForms
{
    /// <summary>The columns a complete row has, by their names in the table and in facts files.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["ru_nom", "ru_gen", "ru_dat", "ru_acc", "ru_ins", "ru_pre", "ru_in", "kk_nom", "kk_gen", "kk_dat", "kk_acc", "kk_loc", "kk_abl", "kk_ins"];

    private readonly IReadOnlyDictionary<string, string> _forms;

    private CountryForms(IReadOnlyDictionary<string, string> forms) => _forms = forms;

    public static CountryForms None { get; } = new(new Dictionary<string, string>());

    /// <summary>The forms of <paramref name="columns"/>, unknown column names refused.</summary>
    public static CountryForms Of(IEnumerable<KeyValuePair<string, string>> columns) => None.With(columns);

    /// <summary>These forms with some replaced: a facts file correcting a name.</summary>
    public CountryForms With(IEnumerable<KeyValuePair<string, string>> columns)
    {
        var merged = new Dictionary<string, string>(_forms, StringComparer.Ordinal);
        foreach (var (column, text) in columns)
        {
            if (!Columns.Contains(column))
            {
                throw new ArgumentException($"'{column}' is not a form of a country name: expected one of {string.Join(", ", Columns)}.", nameof(columns));
            }

            merged[column] = text.Trim();
        }

        return new CountryForms(merged);
    }

    /// <summary>The columns with no form: empty for a complete row.</summary>
    public IReadOnlyList<string> Missing => [.. Columns.Where(column => string.IsNullOrWhiteSpace(Form(column)))];

    public string? Form(string column) => _forms.TryGetValue(column, out var text) && text.Length > 0 ? text : null;

    public IEnumerable<KeyValuePair<string, string>> All => _forms;
}
