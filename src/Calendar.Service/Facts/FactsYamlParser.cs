using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Calendar.Service.Facts;

/// <summary>YamlDotNet's parser with what a facts file may not do refused on the event stream, before any node is built.</summary>
/// <remarks>
/// <para>Nesting: YamlDotNet builds its representation model recursively, so 20,000 nested <c>{a: </c> overflow
/// the stack, which no catch can handle. Counting levels here needs no recursion, and stops at
/// <see cref="FactsLimits.MaxNesting"/>.</para>
/// <para>Anchors and aliases: forty aliases of aliases (under 1 KB) stand for 2^40 nodes, and as a mapping key
/// they are hashed and compared in full. Facts have no use for them: the file says each value once.</para>
/// <para>Documents: a facts file is one.</para>
/// <para>Cancellation: checked at every event, and by <see cref="CancellableReader"/> at every read.</para>
/// </remarks>
internal sealed class FactsYamlParser(TextReader reader, CancellationToken cancellationToken) : IParser
{
    private readonly Parser _parser = new(reader);
    private int _depth;
    private int _documents;

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_parser.MoveNext())
        {
            return false;
        }

        switch (_parser.Current)
        {
            case AnchorAlias alias:
                throw new RefusedYamlException(alias.Start, $"an alias (*{alias.Value}) is not allowed in a facts file: write the value out");
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw new RefusedYamlException(node.Start, $"an anchor (&{node.Anchor}) is not allowed in a facts file: write the value out where it is used");
            case MappingStart or SequenceStart when ++_depth > FactsLimits.MaxNesting:
                throw new RefusedYamlException(_parser.Current.Start, $"lists and mappings are nested more than {FactsLimits.MaxNesting} deep");
            case DocumentStart when ++_documents > 1:
                // Before YamlStream keeps them all: 5 MB of "---" lines would be a million documents in memory.
                throw new RefusedYamlException(_parser.Current.Start, "expected one YAML document with 'facts:' (and optionally 'countries:'), found a second '---'");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

/// <summary>YAML that is well-formed but not accepted in a facts file.</summary>
internal sealed class RefusedYamlException(Mark at, string reason) : YamlException(at, at, reason)
{
    /// <summary>What is refused, without the position that <see cref="Exception.Message"/> starts with.</summary>
    public string Reason { get; } = reason;
}
