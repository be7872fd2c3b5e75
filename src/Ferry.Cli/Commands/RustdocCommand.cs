using System.Collections.Immutable;
using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry rustdoc</c>: documents one target, passing extra arguments to rustdoc.</summary>
internal sealed class RustdocCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("rustdoc", "Build a package's documentation, using specified custom flags.")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("open", ArgKind.Flag, "Opens the docs in a browser after the operation") { Long = "open" },
                CompileArgs.MessageFormat,
                new ArgSpec("output-format", ArgKind.Value, "The output type to write (unstable)") { Long = "output-format", ValueName = "FMT", PossibleValues = ["html", "json"] },
                CompileArgs.Package("Package to document"),
                .. CompileArgs.TargetSelection("Build"),
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                CompileArgs.KeepGoing,
                CompileArgs.Release("Build artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Target("Build for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        Positionals = [new PositionalSpec("args", "ARGS", "Extra rustdoc flags", Multiple: true) { Trailing = true }],
        AfterHelp = "Run `ferry help rustdoc` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = CompileArgs.Parse(context, args, UserIntent.Doc, ProfileChecking.Custom, "rustdoc", hasArgs: true);
        if (args.Value("output-format") is "json")
        {
            throw new Util.Diagnostics.FerryException("the `--output-format` flag is unstable, and only available on the nightly channel of Cargo, but this is the `stable` channel\nSee https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.\nSee https://github.com/rust-lang/cargo/issues/12103 for more information about the `--output-format` flag.");
        }

        var extra = args.Positionals("args").Concat(args.Trailing).ToImmutableArray();
        options = options with { ExtraArgs = extra, SingleTargetCommand = "rustdoc" };
        var gctx = CompileArgs.WithTargetDir(context, args);
        return CompileArgs.WithCancellation(token =>
        {
            Ops.Rustdoc.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, args.Flag("open"), CompileArgs.Started, token).GetAwaiter().GetResult();
            return 0;
        });
    }
}
