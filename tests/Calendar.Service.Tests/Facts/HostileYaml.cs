using System.Globalization;
using System.Text;

namespace Calendar.Service.Tests.Facts;

/// <summary>YAML written to take a parser down: deep nesting and alias bombs.</summary>
internal static class HostileYaml
{
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
