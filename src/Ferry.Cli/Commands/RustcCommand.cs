using System.Collections.Immutable;
using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry rustc</c>: a build whose one selected target gets extra compiler arguments.</summary>
internal sealed class RustcCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("rustc", "Compile a package, and pass extra options to the compiler")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("print", ArgKind.Value, "Output compiler information without compiling") { Long = "print", ValueName = "INFO" },
                new ArgSpec("crate-type", ArgKind.Value, "Comma separated list of types of crates for the compiler to emit") { Long = "crate-type", ValueName = "CRATE-TYPE", Multiple = true },
                CompileArgs.FutureIncompat,
                CompileArgs.MessageFormat,
                CompileArgs.Package("Package to build"),
                .. CompileArgs.TargetSelection("Build"),
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                CompileArgs.KeepGoing,
                CompileArgs.Release("Build artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Target("Target triple which compiles will be for"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        Positionals = [new PositionalSpec("args", "ARGS", "Extra rustc flags", Multiple: true) { Trailing = true }],
        AfterHelp = "Run `ferry help rustc` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        if (args.Has("print"))
        {
            throw new Util.Diagnostics.FerryException(
                "the `print` flag is unstable, and only available on the nightly channel of Cargo, but this is the `stable` channel\n" +
                "See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.\n" +
                "See https://github.com/rust-lang/cargo/issues/9357 for more information about the `print` flag.");
        }

        var options = CompileArgs.Parse(context, args, UserIntent.Build, ProfileChecking.LegacyRustc, "rustc", hasArgs: true);
        if (options.Packages.Any(p => p.IndexOfAny(['*', '?', '[', ']']) >= 0))
        {
            throw new Util.Diagnostics.FerryException("glob patterns on package selection are not supported.");
        }

        (options, var intent) = options.Profile switch
        {
            "check" => (options with { Profile = "dev" }, UserIntent.Check),
            "test" => (options, UserIntent.Test),
            "bench" => (options, UserIntent.Bench),
            _ => (options, UserIntent.Build),
        };
        var extra = args.Positionals("args").Concat(args.Trailing).ToImmutableArray();
        var crateTypes = args.Values("crate-type").SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToImmutableArray();
        options = options with
        {
            Intent = intent,
            ExtraArgs = extra,
            CrateTypes = crateTypes.IsEmpty ? null : crateTypes,
            SingleTargetCommand = "rustc",
        };
        var gctx = CompileArgs.WithTargetDir(context, args);
        return CompileArgs.WithCancellation(token =>
        {
            Ops.Rustc.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, args.Value("print"), CompileArgs.Started, token).GetAwaiter().GetResult();
            return 0;
        });
    }
}
