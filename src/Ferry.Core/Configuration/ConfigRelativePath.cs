namespace Ferry.Core.Configuration;

/// <summary>
/// A path from configuration, resolved against where it was defined (Cargo's
/// <c>ConfigRelativePath</c>): relative to the directory containing <c>.cargo/</c> for a file
/// value, to the working directory for environment and <c>--config KEY=VALUE</c> values.
/// </summary>
public sealed record ConfigRelativePath(Value<string> Value)
{
    public string Raw => Value.Val;

    public Definition Definition => Value.Definition;

    /// <summary>Always an absolute path (Rust's <c>join</c>: an absolute value is kept as is).</summary>
    public string ResolvePath(string cwd) => PathUtil.Join(Definition.Root(cwd), Raw);

    /// <summary>
    /// For programs: a bare name (no <c>/</c>) is returned unchanged, to be looked up on
    /// <c>PATH</c>; anything with a separator resolves like <see cref="ResolvePath"/>.
    /// </summary>
    public string ResolveProgram(string cwd) => Raw.Contains('/') ? ResolvePath(cwd) : Raw;
}
