namespace Ferry.Cli.Args;

/// <summary>Builds clap's <c>Usage:</c> line for a command.</summary>
internal static class UsageLine
{
    public static string For(CommandSpec spec, string programName, bool includeRequiredOnly)
    {
        if (spec.UsageOverride is not null)
        {
            return spec.UsageOverride;
        }

        var parts = new List<string> { Head(spec, programName) };
        if (!includeRequiredOnly && spec.Options.Count > 0)
        {
            parts.Add("[OPTIONS]");
        }

        foreach (var positional in spec.Positionals)
        {
            if (includeRequiredOnly && !positional.Required)
            {
                continue;
            }

            var name = positional.Multiple || positional.Trailing ? $"[{positional.ValueName}]..." : $"[{positional.ValueName}]";
            if (positional.Required)
            {
                name = positional.Multiple ? $"<{positional.ValueName}>..." : $"<{positional.ValueName}>";
            }

            parts.Add(positional.Last ? $"[-- {name}]" : name);
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// The usage clap prints for errors found after some arguments were accepted: the options
    /// given so far, in order, then each positional (<c>&lt;X&gt;</c> when required or given,
    /// <c>[X]</c> otherwise), e.g. <c>cargo init --vcs &lt;VCS&gt; [PATH]</c>.
    /// </summary>
    public static string ForUsed(CommandSpec spec, string programName, IReadOnlyList<ArgSpec> used, Func<string, bool> positionalGiven)
    {
        var parts = new List<string> { Head(spec, programName) };
        foreach (var option in used)
        {
            parts.Add(option.DisplayName + (option.Kind == ArgKind.Count ? "..." : string.Empty));
        }

        foreach (var positional in spec.Positionals)
        {
            var shown = positional.Required || positionalGiven(positional.Id) ? $"<{positional.ValueName}>" : $"[{positional.ValueName}]";
            shown = positional.Multiple || positional.Trailing ? shown + "..." : shown;
            parts.Add(positional.Last ? $"[-- {shown}]" : shown);
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// <c>ferry build</c>; after an alias (<c>b</c>, <c>d</c>, or the user's) just <c>build</c>: clap re-parses
    /// the expansion without the binary's name, and Cargo's usage lines show that.
    /// </summary>
    private static string Head(CommandSpec spec, string programName) => programName.Length == 0 ? spec.Name : $"{programName} {spec.Name}";
}
