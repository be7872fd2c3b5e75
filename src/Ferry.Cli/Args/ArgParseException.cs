namespace Ferry.Cli.Args;

/// <summary>
/// A command-line usage error. Like clap (which Cargo uses) these exit with code 1, not 101,
/// and end with a usage line and a pointer to <c>--help</c>.
/// </summary>
internal sealed class ArgParseException : Exception
{
    public ArgParseException(string message, string? usage, string? tip = null)
        : base(message)
    {
        Usage = usage;
        Tip = tip;
    }

    /// <summary>The <c>Usage:</c> line(s) to print, or null when clap omits them.</summary>
    public string? Usage { get; }

    /// <summary>Printed as <c>  tip: ...</c> under the message.</summary>
    public string? Tip { get; }
}
