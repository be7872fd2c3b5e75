namespace Ferry.Cli.Args;

/// <summary>What a subcommand accepts and how its help reads.</summary>
internal sealed record CommandSpec(string Name, string About)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<ArgSpec> Options { get; init; } = [];

    public IReadOnlyList<PositionalSpec> Positionals { get; init; } = [];

    /// <summary>The short description shown by <c>--list</c>, when it differs from <see cref="About"/>.</summary>
    public string? ListDescription { get; init; }

    /// <summary>Text after the option list, e.g. <c>Run `ferry help build` for more detailed information.</c></summary>
    public string? AfterHelp { get; init; }

    public bool Hidden { get; init; }

    /// <summary>
    /// Arguments after <c>--</c> fill the positionals (clap's behaviour for commands without a
    /// trailing <c>last</c> argument, e.g. <c>cargo new -- -a</c>) instead of going to
    /// <see cref="ParsedArgs.Trailing"/>.
    /// </summary>
    public bool PositionalsAfterDoubleDash { get; init; }

    /// <summary>A fixed usage line (the root command's), instead of one derived from the arguments.</summary>
    public string? UsageOverride { get; init; }

    public ArgSpec? FindLong(string name)
    {
        foreach (var option in Options)
        {
            if (option.Long == name || option.Aliases.Contains(name))
            {
                return option;
            }
        }

        return null;
    }

    public ArgSpec? FindShort(char name)
    {
        foreach (var option in Options)
        {
            if (option.Short == name)
            {
                return option;
            }
        }

        return null;
    }
}
