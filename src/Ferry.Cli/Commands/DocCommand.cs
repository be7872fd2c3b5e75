using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry doc</c> (alias <c>d</c>).</summary>
internal sealed class DocCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("doc", "Build a package's documentation")
    {
        Aliases = ["d"],
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("open", ArgKind.Flag, "Opens the docs in a browser after the operation") { Long = "open" },
                new ArgSpec("no-deps", ArgKind.Flag, "Don't build documentation for dependencies") { Long = "no-deps" },
                new ArgSpec("document-private-items", ArgKind.Flag, "Document private items") { Long = "document-private-items" },
                CompileArgs.MessageFormat,
                .. CompileArgs.PackageSelection("Document", "Package to document", "build"),
                .. CompileArgs.Features,
                .. CompileArgs.DocTargetSelection,
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
        AfterHelp = "Run `ferry help doc` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = CompileArgs.Parse(context, args, UserIntent.Doc, ProfileChecking.Custom, "doc") with
        {
            DocDeps = !args.Flag("no-deps"),
            DocumentPrivateItems = args.Flag("document-private-items"),
        };
        var gctx = CompileArgs.WithTargetDir(context, args);
        return CompileArgs.WithCancellation(token =>
        {
            Ops.Doc.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, args.Flag("open"), CompileArgs.Started, token).GetAwaiter().GetResult();
            return 0;
        });
    }
}
