namespace Ferry.Ops.Trees;

/// <summary>How <see cref="TreePrinter"/> draws.</summary>
internal sealed record TreePrintOptions
{
    public TreePrefix Prefix { get; init; } = TreePrefix.Indent;

    public bool NoDedupe { get; init; }

    /// <summary>Levels below the roots shown (<c>--depth N</c>; <see cref="uint.MaxValue"/> without it).</summary>
    public long MaxDepth { get; init; } = uint.MaxValue;

    /// <summary><c>--depth workspace</c>: only workspace members are shown.</summary>
    public bool WorkspaceOnly { get; init; }

    public bool Unicode { get; init; } = true;

    public bool Color { get; init; }
}
