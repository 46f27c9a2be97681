namespace Calendar.Service.Facts;

/// <summary>A reader over a file's text that stops when the load is abandoned: the YAML scanner asks it for every character.</summary>
internal sealed class CancellableReader(string text, CancellationToken cancellationToken) : TextReader
{
    private readonly StringReader _text = new(text);

    public override int Peek() => _text.Peek();

    public override int Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _text.Read();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _text.Read(buffer, index, count);
    }

    public override int Read(Span<char> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _text.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
        }

        base.Dispose(disposing);
    }
}
