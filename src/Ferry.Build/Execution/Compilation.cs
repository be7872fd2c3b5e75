using System.Collections.Immutable;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>What a finished build produced (Cargo's <c>Compilation</c>): executables of the root units and the library paths running them needs.</summary>
public sealed record Compilation(ImmutableArray<(Unit Unit, string Path)> Binaries, ImmutableArray<string> NativeDirs, ImmutableArray<string> DepsDirs, string SysrootLibdir, ImmutableDictionary<Unit, ImmutableArray<(string Name, string Value)>> ScriptEnv, ImmutableArray<string> DocOutputs);
