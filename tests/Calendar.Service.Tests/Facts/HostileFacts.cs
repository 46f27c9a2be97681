using System.Globalization;
using System.Text;

namespace Calendar.Service.Tests.Facts;

/// <summary>Facts files written to take the service down: deep nesting, alias bombs, FIFOs, year 0000, Latin-1, forged lines.</summary>
internal static class HostileFacts
{
    /// <summary>Writes the <paramref name="hostile"/> file; YAML content goes to <paramref name="yamlName"/>, anything else to <c>x.yaml</c>.</summary>
    public static void Write(TempFolder facts, string hostile, string yamlName)
    {
        var x = Path.Combine(facts.Path, "x.yaml");
        switch (hostile)
        {
            case "nested":
                // About 100 KB: deep enough to overflow the stack of a recursive reader.
                facts.Write(yamlName, NestedMappings(20_000));
                break;
            case "alias-bomb":
                facts.Write(yamlName, AliasBomb());
                break;
            case "fifo":
                FactsFolderTests.MakeFifo(x);
                break;
            case "dangling-link":
                File.CreateSymbolicLink(x, Path.Combine(facts.Path, "nowhere.yaml"));
                break;
            case "year-zero":
                facts.Write(yamlName, FactsFiles.Relations(date: "0000-06"));
                facts.Write("r.csv", "country_a,country_b,established,source_title,source_url\nKZ,IT,0000-01-01,Protocol,\n");
                break;
            case "latin-1":
                File.WriteAllBytes(Path.Combine(facts.Path, yamlName), Encoding.Latin1.GetBytes(FactsFiles.Relations(title: "Café")));
                break;
            case "forged-line":
                facts.Write(yamlName, FactsFiles.Relations().Replace("    kind: relations", "    kind: relations\n    \"ok\\nx.yaml:1: id: all good\": 1", StringComparison.Ordinal));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(hostile), hostile, "no such hostile file");
        }
    }

    /// <summary><c>facts: {a: {a: ... 1}}</c>, <paramref name="levels"/> mappings deep under the root, on line 1.</summary>
    public static string NestedMappings(int levels) =>
        "facts: " + string.Concat(Enumerable.Repeat("{a: ", levels)) + "1" + new string('}', levels) + "\n";

    /// <summary><c>facts: [[[...]]]</c>, <paramref name="levels"/> lists deep under the root.</summary>
    public static string NestedLists(int levels) => "facts: " + new string('[', levels) + new string(']', levels) + "\n";

    /// <summary><paramref name="levels"/> mappings nested in block style under the root, one a line: the innermost on line <paramref name="levels"/> + 1.</summary>
    public static string NestedBlocks(int levels)
    {
        var text = new StringBuilder("facts:\n");
        for (var level = 1; level < levels; level++)
        {
            text.Append(' ', level).Append("a:\n");
        }

        return text.Append(' ', levels).Append("b: 1\n").ToString();
    }

    /// <summary>Forty aliases of aliases, under 1 KB, used as a mapping key: 2^40 nodes to hash.</summary>
    public static string AliasBomb()
    {
        var text = new StringBuilder("a0: &a0 [x, x]\n");
        for (var i = 1; i <= 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
        }

        return text.Append("facts:\n  ? *a40\n  : 1\n").ToString();
    }
}
