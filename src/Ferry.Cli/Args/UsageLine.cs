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

        var parts = new List<string> { $"{programName} {spec.Name}" };
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

            parts.Add(name);
        }

        return string.Join(' ', parts);
    }
}
