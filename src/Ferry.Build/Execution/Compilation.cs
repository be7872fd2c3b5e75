using System.Collections.Immutable;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>What a finished build produced (Cargo's <c>Compilation</c>): executables of the root units and the library paths running them needs.</summary>
public sealed record Compilation(ImmutableArray<(Unit Unit, string Path)> Binaries, ImmutableArray<string> NativeDirs, ImmutableArray<string> DepsDirs, string SysrootLibdir, ImmutableDictionary<Unit, ImmutableArray<(string Name, string Value)>> ScriptEnv, ImmutableArray<string> DocOutputs)
{
    /// <summary>The <c>rustdoc --test</c> runs the command makes after the build (Cargo's <c>to_doc_test</c>).</summary>
    public ImmutableArray<Doctest> Doctests { get; init; } = [];

    /// <summary>Per root, what running it adds to the environment: <c>OUT_DIR</c>, and for integration tests and benches <c>CARGO_BIN_EXE_*</c>.</summary>
    public ImmutableDictionary<Unit, ImmutableArray<(string Name, string Value)>> RunEnv { get; init; } = ImmutableDictionary<Unit, ImmutableArray<(string Name, string Value)>>.Empty;
}
