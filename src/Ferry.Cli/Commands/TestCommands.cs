using Ferry.Build.Selection;
using Ferry.Cli.Args;
using Ferry.Cli.Shell;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry test</c> and <c>ferry bench</c> share: their option lists and the run itself.</summary>
internal static class TestCommands
{
    /// <summary>Cargo's <c>arg_unsupported_keep_going</c>: accepted by the parser only to point at <c>--no-fail-fast</c>.</summary>
    public static ArgSpec KeepGoing => new("keep-going", ArgKind.Flag, "Use `--no-fail-fast` instead") { Long = "keep-going", Hidden = true };

    public static ArgSpec[] TargetSelection(string verb, string allTargetsHelp) =>
    [
        .. CompileArgs.TargetSelection(verb).Where(a => a.Id != "all-targets"),
        new("all-targets", ArgKind.Flag, allTargetsHelp) { Long = "all-targets", Heading = CompileArgs.TargetHeading },
    ];

    public static int Run(CommandContext context, ParsedArgs args, CommandSpec spec, bool bench)
    {
        var name = spec.Name;
        if (args.Flag("keep-going"))
        {
            throw new ArgParseException("unexpected argument '--keep-going' found", UsageLine.For(spec, "ferry", includeRequiredOnly: false), "use `--no-fail-fast` to run as many tests as possible regardless of failure");
        }

        var options = CompileArgs.Parse(context, args, bench ? UserIntent.Bench : UserIntent.Test, ProfileChecking.Custom, name, usageTail: bench ? " [BENCHNAME] [-- [ARGS]...]" : " [TESTNAME] [-- [ARGS]...]");
        options = options with
        {
            Profile = args.Value("profile") is null && !args.Flag("release") ? name : options.Profile,
        };

        var testName = args.Positionals(bench ? "benchname" : "testname").FirstOrDefault();
        var testArgs = (testName is null ? [] : new[] { testName }).Concat(args.Trailing).ToList();
        var noRun = args.Flag("no-run");
        if (!bench && args.Flag("doc"))
        {
            if (options.Filter.IsSpecific)
            {
                throw new FerryException("can't mix --doc with other target selecting options");
            }

            if (noRun)
            {
                throw new FerryException("can't skip running doc tests with --no-run");
            }

            options = options with { Intent = UserIntent.Doctest, Filter = CompileFilter.LibOnly() };
        }
        else if (!bench && testName is not null && !options.Filter.IsSpecific)
        {
            // A named test: build what can contain tests, not the examples the default adds.
            options = options with { Filter = CompileFilter.AllTestTargets() };
        }

        var gctx = CompileArgs.WithTargetDir(context, args);
        var color = context.Globals.Color switch
        {
            ColorChoice.Always => "always",
            ColorChoice.Never => "never",
            ColorChoice.Auto => "auto",
            _ => gctx.Term.Color is "always" or "never" ? gctx.Term.Color : "auto",
        };
        var testOptions = new Ops.TestOptions
        {
            Compile = options,
            NoRun = noRun,
            NoFailFast = args.Flag("no-fail-fast"),
            Bench = bench,
            Color = color,
        };
        return CompileArgs.WithCancellation(token =>
            Ops.Test.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, testOptions, testArgs, CompileArgs.Started, token).GetAwaiter().GetResult());
    }
}
