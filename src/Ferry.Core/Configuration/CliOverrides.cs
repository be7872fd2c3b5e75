using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>
/// What the command line says about configuration: <c>--config</c> arguments (in order),
/// <c>-Z</c> flags, <c>--locked/--offline/--frozen</c> and the verbosity and colour flags, which
/// take precedence over <c>[term]</c> and <c>[net]</c>.
/// </summary>
public sealed record CliOverrides
{
    public static CliOverrides None { get; } = new();

    public ImmutableArray<string> ConfigArgs { get; init; } = [];

    public ImmutableArray<string> Unstable { get; init; } = [];

    public bool Locked { get; init; }

    public bool Offline { get; init; }

    public bool Frozen { get; init; }

    /// <summary>How many <c>-v</c> were given (0 when none).</summary>
    public int Verbose { get; init; }

    public bool Quiet { get; init; }

    /// <summary><c>--color</c> as given (<c>auto</c>, <c>always</c>, <c>never</c>), or null.</summary>
    public string? Color { get; init; }

    /// <summary><c>--target-dir</c>, when the command has one.</summary>
    public string? TargetDir { get; init; }
}
