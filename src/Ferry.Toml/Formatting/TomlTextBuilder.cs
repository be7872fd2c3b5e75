namespace Ferry.Toml.Formatting;

/// <summary>
/// Collects the document text when it is printed: a growable char array with span copies. Printing a lockfile
/// appends tens of thousands of short slices, where this is markedly cheaper than a StringBuilder's chunks.
/// </summary>
internal sealed class TomlTextBuilder
{
    private char[] _buffer;
    private int _length;

    public TomlTextBuilder(int capacity)
    {
        _buffer = new char[Math.Max(16, capacity)];
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Grow(text.Length);
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    public void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }
        _buffer[_length++] = c;
    }

    public override string ToString() => new(_buffer, 0, _length);

    private void Grow(int needed)
    {
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
    }
}
