using System.Collections.Immutable;

namespace Ferry.Build.BuildScripts;

/// <summary>
/// What a build script asked for (Cargo's <c>BuildOutput</c>): link search paths (each flagged when
/// it points into the script's own output directory), libraries, linker arguments, cfgs, check-cfgs,
/// environment variables for the crate, <c>DEP_*</c> metadata for dependents, the rerun rules and the
/// warnings and errors to show.
/// </summary>
public sealed record BuildOutput
{
    public ImmutableArray<(string Path, bool InOutDir)> LibraryPaths { get; init; } = [];

    public ImmutableArray<string> LibraryLinks { get; init; } = [];

    public ImmutableArray<LinkArg> LinkerArgs { get; init; } = [];

    public ImmutableArray<string> Cfgs { get; init; } = [];

    public ImmutableArray<string> CheckCfgs { get; init; } = [];

    public ImmutableArray<(string Name, string Value)> Env { get; init; } = [];

    public ImmutableArray<(string Key, string Value)> Metadata { get; init; } = [];

    public ImmutableArray<string> RerunIfChanged { get; init; } = [];

    public ImmutableArray<string> RerunIfEnvChanged { get; init; } = [];

    /// <summary>Warnings (false) and errors (true), in order.</summary>
    public ImmutableArray<(bool IsError, string Message)> LogMessages { get; init; } = [];

    public static BuildOutput Empty { get; } = new();
}
