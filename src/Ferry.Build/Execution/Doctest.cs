using System.Collections.Immutable;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>
/// What running a library's doctests needs (Cargo's <c>compilation::Doctest</c>): the arguments
/// only the build knows (externs, search paths, features, cfgs from build scripts, RUSTDOCFLAGS,
/// error format), the linker and the build script's environment.
/// </summary>
public sealed record Doctest(Unit Unit, ImmutableArray<string> Args, string? Linker, ImmutableArray<(string Name, string Value)> ScriptEnv, string? OutDir);
