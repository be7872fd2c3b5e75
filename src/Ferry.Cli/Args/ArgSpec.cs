namespace Ferry.Cli.Args;

/// <summary>One option of a command, declared the way clap declares Cargo's.</summary>
internal sealed record ArgSpec(string Id, ArgKind Kind, string Help)
{
    public string? Long { get; init; }

    public char? Short { get; init; }

    /// <summary>Shown in help and errors as <c>&lt;NAME&gt;</c>.</summary>
    public string? ValueName { get; init; }

    /// <summary>A value option that may be given several times (values accumulate).</summary>
    public bool Multiple { get; init; }

    public IReadOnlyList<string>? PossibleValues { get; init; }

    /// <summary>Whether <see cref="PossibleValues"/> are matched without regard to case (clap's <c>ignore_case</c>).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Help section title; null means the command's "Options:" section.</summary>
    public string? Heading { get; init; }

    public bool Hidden { get; init; }

    /// <summary>
    /// A hidden spelling that is refused with a pointer to the right one, as Cargo's
    /// <c>-s</c>/<c>--silent</c> ("a similar argument exists: '--quiet'").
    /// </summary>
    public string? SuggestInstead { get; init; }

    /// <summary>Other long spellings that mean the same option (<c>--all</c> for <c>--workspace</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>How the option is shown in errors: <c>--jobs &lt;N&gt;</c>, <c>--release</c>, <c>-v</c>.</summary>
    public string DisplayName
    {
        get
        {
            var name = Long is not null ? "--" + Long : "-" + Short;
            return Kind switch
            {
                ArgKind.Value => $"{name} <{ValueName}>",
                ArgKind.OptionalValue => $"{name} [<{ValueName}>]",
                _ => name,
            };
        }
    }
}
