namespace Ferry.Cli.Args;

/// <summary>A positional argument; <see cref="Multiple"/> takes every remaining value.</summary>
internal sealed record PositionalSpec(string Id, string ValueName, string Help, bool Required = false, bool Multiple = false)
{
    /// <summary>The last positional of commands like <c>run</c> accepts anything, including <c>--flags</c> after <c>--</c>.</summary>
    public bool Trailing { get; init; }

    /// <summary>clap's <c>last(true)</c>: values only after <c>--</c> (they arrive in <see cref="ParsedArgs.Trailing"/>), shown as <c>[-- [ARGS]...]</c>.</summary>
    public bool Last { get; init; }

    public string DisplayName => Multiple ? $"<{ValueName}>..." : $"<{ValueName}>";
}
