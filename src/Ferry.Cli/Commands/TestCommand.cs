using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry test</c> (alias <c>t</c>): builds the test targets, runs them, then the doctests.</summary>
internal sealed class TestCommand : ICliCommand
{
    public TestCommand()
    {
        var options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("no-run", ArgKind.Flag, "Compile, but don't run tests") { Long = "no-run" },
                new ArgSpec("no-fail-fast", ArgKind.Flag, "Run all tests regardless of failure") { Long = "no-fail-fast" },
                CompileArgs.FutureIncompat,
                CompileArgs.MessageFormat,
                .. CompileArgs.PackageSelection("Test", "Package to run tests for", "test"),
                .. TestCommands.TargetSelection("Test", "Test all targets (does not include doctests)"),
                new ArgSpec("doc", ArgKind.Flag, "Test only this library's documentation") { Long = "doc", Heading = CompileArgs.TargetHeading },
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                TestCommands.KeepGoing,
                CompileArgs.Release("Build artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Target("Build for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]).ToList();

        // `cargo test -q` has its own help text (it also makes libtest print one character per test), listed before `-v`.
        options.RemoveAll(o => o.Id == "quiet");
        options.Insert(options.FindIndex(o => o.Id == "verbose"), CommonOptions.Quiet with { Help = "Display one character per test instead of one line" });
        Spec = new("test", "Execute all unit and integration tests and build examples of a local package")
        {
            Aliases = ["t"],
            Options = options,
            Positionals =
            [
                new PositionalSpec("testname", "TESTNAME", "If specified, only run tests containing this string in their names"),
                new PositionalSpec("args", "ARGS", "Arguments for the test binary", Multiple: true) { Last = true },
            ],
            AfterHelp = "Run `ferry help test` for more detailed information.\nRun `ferry test -- --help` for test binary options.",
        };
    }

    public CommandSpec Spec { get; }

    public int Run(CommandContext context, ParsedArgs args) => TestCommands.Run(context, args, Spec, bench: false);
}
