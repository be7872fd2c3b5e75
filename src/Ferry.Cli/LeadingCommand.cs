namespace Ferry.Cli;

/// <summary>The command of a command line, seen before the command line is parsed (for start-up decisions).</summary>
internal static class LeadingCommand
{
    /// <summary>
    /// The first argument that is not an option: global options come before the command, and
    /// those that take a separate value are skipped with it. Null when there is none
    /// (<c>ferry --version</c>).
    /// </summary>
    public static string? Of(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--config" or "-C" or "-Z" or "--color" or "--manifest-path")
            {
                i++;
                continue;
            }

            if (!arg.StartsWith('-') && !arg.StartsWith('+'))
            {
                return arg;
            }
        }

        return null;
    }
}
