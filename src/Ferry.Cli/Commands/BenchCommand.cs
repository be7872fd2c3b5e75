using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry bench</c>: builds the benchmarks with the <c>bench</c> profile and runs them with <c>--bench</c>.</summary>
internal sealed class BenchCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("bench", "Execute all benchmarks of a local package")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("no-run", ArgKind.Flag, "Compile, but don't run benchmarks") { Long = "no-run" },
                new ArgSpec("no-fail-fast", ArgKind.Flag, "Run all benchmarks regardless of failure") { Long = "no-fail-fast" },
                CompileArgs.MessageFormat,
                .. CompileArgs.PackageSelection("Benchmark", "Package to run benchmarks for", "benchmark"),
                .. TestCommands.TargetSelection("Benchmark", "Benchmark all targets"),
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                TestCommands.KeepGoing,
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Target("Build for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        Positionals =
        [
            new PositionalSpec("benchname", "BENCHNAME", "If specified, only run benches containing this string in their names"),
            new PositionalSpec("args", "ARGS", "Arguments for the bench binary", Multiple: true) { Last = true },
        ],
        AfterHelp = "Run `ferry help bench` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args) => TestCommands.Run(context, args, Spec, bench: true);
}
