namespace Ferry.Core.Configuration;

/// <summary>
/// The origin of a configuration value (Cargo's <c>Definition</c>): needed to resolve relative
/// paths the way Cargo does and to say in errors where a bad value was written.
/// </summary>
/// <remarks>
/// Like Cargo, two definitions are "equal" for priority purposes when they have the same kind:
/// two config files never outrank each other, the nearer one wins only because it is merged first.
/// Equality of the record itself compares everything (useful in tests); use <see cref="Rank"/> to
/// compare priorities.
/// </remarks>
public sealed record Definition
{
    private Definition(DefinitionKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    public static Definition BuiltIn { get; } = new(DefinitionKind.BuiltIn, null);

    /// <summary>A value given by <c>--config KEY=VALUE</c>.</summary>
    public static Definition CliArgument { get; } = new(DefinitionKind.Cli, null);

    public DefinitionKind Kind { get; }

    /// <summary>The file path (for <see cref="DefinitionKind.Path"/> and file-based CLI values) or the variable name.</summary>
    public string? Value { get; }

    /// <summary>The config file the value was read from, when there is one.</summary>
    public string? FilePath => Kind is DefinitionKind.Path or DefinitionKind.Cli ? Value : null;

    public int Rank => (int)Kind;

    public static Definition File(string path) => new(DefinitionKind.Path, path);

    public static Definition Environment(string variable) => new(DefinitionKind.Environment, variable);

    /// <summary>A value from a file passed as <c>--config PATH</c> (or included from one).</summary>
    public static Definition CliFile(string path) => new(DefinitionKind.Cli, path);

    /// <summary>Cargo's <c>is_higher_priority</c>: CLI over environment over files over defaults.</summary>
    public bool IsHigherPriority(Definition other) => Rank > other.Rank;

    /// <summary>
    /// The directory relative paths are resolved against: for a file, the parent of the directory
    /// holding it (<c>/a</c> for <c>/a/.cargo/config.toml</c>, even for an included or
    /// <c>--config</c> file); for the environment and <c>--config KEY=VALUE</c>, the working directory.
    /// </summary>
    public string Root(string cwd)
    {
        if (FilePath is { } path)
        {
            var parent = System.IO.Path.GetDirectoryName(path);
            var grandParent = parent is null ? null : System.IO.Path.GetDirectoryName(parent);
            return grandParent ?? parent ?? cwd;
        }

        return cwd;
    }

    /// <summary>Cargo's text: the path, <c>environment variable `X`</c>, <c>--config cli option</c> or <c>default</c>.</summary>
    public override string ToString() => Kind switch
    {
        DefinitionKind.Path => Value!,
        DefinitionKind.Cli when Value is not null => Value,
        DefinitionKind.Environment => $"environment variable `{Value}`",
        DefinitionKind.Cli => "--config cli option",
        _ => "default",
    };
}
