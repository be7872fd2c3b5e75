namespace Ferry.Toml.Syntax;

/// <summary>
/// Where a key's or value's text lives, compactly. A parsed node points into the document source: its raw text is
/// <c>Text[Start..Start+Length]</c> and its decor is the text immediately before and after that (the parser only
/// ever records decor adjacent to the node), so two lengths describe it. One string reference, two ints and two
/// shorts replace three slices (raw, prefix, suffix), which matters when a 10 MB lockfile makes a million nodes.
/// Decor set by an edit, and the spelling of values created in code, are stored separately.
/// </summary>
internal struct NodeText
{
    private const byte Spanned = 1;
    private const byte SourcePrefix = 2;
    private const byte SourceSuffix = 4;
    private const byte OverridePrefix = 8;
    private const byte OverrideSuffix = 16;
    private const byte AttachedFlag = 32;

    public string? Text;
    public int Start;
    public int Length;

    // 16 bits cover any realistic run of comments and blank lines; a longer one is kept as an override slice.
    private ushort _prefixLength;
    private ushort _suffixLength;
    private byte _flags;
    private DecorOverride? _override;

    /// <summary>The node came from the parsed source, so (Start, Length) is its span there.</summary>
    public readonly bool IsSpanned => (_flags & Spanned) != 0;

    public bool Attached
    {
        readonly get => (_flags & AttachedFlag) != 0;
        set => _flags = value ? (byte)(_flags | AttachedFlag) : (byte)(_flags & ~AttachedFlag);
    }

    public readonly ReadOnlySpan<char> Raw => Text.AsSpan(Start, Length);

    public readonly ReadOnlyMemory<char> RawMemory => Text.AsMemory(Start, Length);

    public void SetSource(string text, int start, int length)
    {
        Text = text;
        Start = start;
        Length = length;
        _flags |= Spanned;
    }

    /// <summary>A spelling that is not from the source (a value created in code): no span.</summary>
    public void SetOwn(string text)
    {
        Text = text;
        Start = 0;
        Length = text.Length;
        _flags &= unchecked((byte)~Spanned);
    }

    /// <summary>The source span and the decor of another parsed node (used when a table takes over a header).</summary>
    public void CopySourceFrom(in NodeText other)
    {
        Text = other.Text;
        Start = other.Start;
        Length = other.Length;
        _prefixLength = other._prefixLength;
        _suffixLength = other._suffixLength;
        _override = other._override;
        byte keep = (byte)(_flags & AttachedFlag);
        _flags = (byte)((other._flags & ~AttachedFlag) | keep);
    }

    /// <summary>The decor is the <paramref name="length"/> characters of the source just before the node.</summary>
    public void SetSourcePrefix(int length)
    {
        if (length > ushort.MaxValue)
        {
            Prefix = Text.AsMemory(Start - length, length);
            return;
        }
        _prefixLength = (ushort)length;
        _flags = (byte)((_flags | SourcePrefix) & ~OverridePrefix);
    }

    /// <summary>The decor is the <paramref name="length"/> characters of the source just after the node.</summary>
    public void SetSourceSuffix(int length)
    {
        if (length > ushort.MaxValue)
        {
            Suffix = Text.AsMemory(Start + Length, length);
            return;
        }
        _suffixLength = (ushort)length;
        _flags = (byte)((_flags | SourceSuffix) & ~OverrideSuffix);
    }

    public readonly bool HasPrefix => (_flags & (SourcePrefix | OverridePrefix)) != 0;

    public readonly bool HasSuffix => (_flags & (SourceSuffix | OverrideSuffix)) != 0;

    public ReadOnlyMemory<char> Prefix
    {
        readonly get => (_flags & OverridePrefix) != 0 ? _override!.Prefix
            : (_flags & SourcePrefix) != 0 ? Text.AsMemory(Start - _prefixLength, _prefixLength)
            : ReadOnlyMemory<char>.Empty;
        set
        {
            (_override ??= new DecorOverride()).Prefix = value;
            _flags = (byte)((_flags | OverridePrefix) & ~SourcePrefix);
        }
    }

    public ReadOnlyMemory<char> Suffix
    {
        readonly get => (_flags & OverrideSuffix) != 0 ? _override!.Suffix
            : (_flags & SourceSuffix) != 0 ? Text.AsMemory(Start + Length, _suffixLength)
            : ReadOnlyMemory<char>.Empty;
        set
        {
            (_override ??= new DecorOverride()).Suffix = value;
            _flags = (byte)((_flags | OverrideSuffix) & ~SourceSuffix);
        }
    }

    /// <summary>
    /// A copy for a cloned node: same spelling and decor, but detached (no span in any document, not placed).
    /// An edit-set decor is copied, not shared, since it is mutable.
    /// </summary>
    public readonly NodeText CloneDetached()
    {
        var copy = this;
        copy._override = _override is null ? null : new DecorOverride { Prefix = _override.Prefix, Suffix = _override.Suffix };
        copy._flags = (byte)(_flags & ~(Spanned | AttachedFlag));
        return copy;
    }

    /// <summary>Prefix, spelling and suffix as one slice, when all three still come from the source.</summary>
    public readonly bool TryGetSourceWithDecor(out ReadOnlySpan<char> text)
    {
        const byte all = Spanned | SourcePrefix | SourceSuffix;
        if ((_flags & (all | OverridePrefix | OverrideSuffix)) == all)
        {
            text = Text.AsSpan(Start - _prefixLength, _prefixLength + Length + _suffixLength);
            return true;
        }
        text = default;
        return false;
    }

    public void ClearPrefix() => _flags &= unchecked((byte)~(SourcePrefix | OverridePrefix));

    public void ClearSuffix() => _flags &= unchecked((byte)~(SourceSuffix | OverrideSuffix));
}
