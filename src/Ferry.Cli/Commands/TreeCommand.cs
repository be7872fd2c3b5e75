using Ferry.Cli.Args;
using Ferry.Cli.Shell;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry tree</c>.</summary>
internal sealed class TreeCommand : ICliCommand
{
    private const string PackageHeading = "Package Selection";

    public CommandSpec Spec { get; } = new("tree", "Display a tree visualization of a dependency graph")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("all", ArgKind.Flag, "Deprecated, use --no-dedupe instead") { Long = "all", Short = 'a', Hidden = true },
            new ArgSpec("no-dev-dependencies", ArgKind.Flag, "Deprecated, use -e=no-dev instead") { Long = "no-dev-dependencies", Hidden = true },
            new ArgSpec("edges", ArgKind.Value, "The kinds of dependencies to display")
            {
                Long = "edges",
                Short = 'e',
                ValueName = "KINDS",
                Multiple = true,
                ValueDelimiter = ',',
                PossibleValues = ["all", "normal", "build", "dev", "features", "public", "no-normal", "no-build", "no-dev", "no-proc-macro"],
            },
            new ArgSpec("invert", ArgKind.OptionalValue, "Invert the tree direction and focus on the given package")
            {
                Long = "invert",
                Short = 'i',
                ValueName = "SPEC",
                Multiple = true,
            },
            new ArgSpec("prune", ArgKind.Value, "Prune the given package from the display of the dependency tree") { Long = "prune", ValueName = "SPEC", Multiple = true },
            new ArgSpec("depth", ArgKind.Value, "Maximum display depth of the dependency tree") { Long = "depth", ValueName = "DEPTH" },
            new ArgSpec("no-indent", ArgKind.Flag, "Deprecated, use --prefix=none instead") { Long = "no-indent", Hidden = true },
            new ArgSpec("prefix-depth", ArgKind.Flag, "Deprecated, use --prefix=depth instead") { Long = "prefix-depth", Hidden = true },
            new ArgSpec("prefix", ArgKind.Value, "Change the prefix (indentation) of how each entry is displayed [default: indent]")
            {
                Long = "prefix",
                ValueName = "PREFIX",
                PossibleValues = ["depth", "indent", "none"],
            },
            new ArgSpec("no-dedupe", ArgKind.Flag, "Do not de-duplicate (repeats all shared dependencies)") { Long = "no-dedupe" },
            new ArgSpec("duplicates", ArgKind.Flag, "Show only dependencies which come in multiple versions (implies -i)")
            {
                Long = "duplicates",
                Short = 'd',
                Aliases = ["duplicate"],
            },
            new ArgSpec("charset", ArgKind.Value, "Character set to use in output") { Long = "charset", ValueName = "CHARSET", PossibleValues = ["utf8", "ascii"] },
            new ArgSpec("format", ArgKind.Value, "Format string used for printing dependencies [default: {p}]") { Long = "format", Short = 'f', ValueName = "FORMAT" },
            new ArgSpec("version", ArgKind.Flag, "Print version info and exit") { Long = "version", Short = 'V', Hidden = true },
            new ArgSpec("package", ArgKind.OptionalValue, "Package to be used as the root of the tree")
            {
                Long = "package",
                Short = 'p',
                ValueName = "SPEC",
                Multiple = true,
                Heading = PackageHeading,
            },
            new ArgSpec("workspace", ArgKind.Flag, "Display the tree for all packages in the workspace") { Long = "workspace", Heading = PackageHeading },
            new ArgSpec("exclude", ArgKind.Value, "Exclude specific workspace members") { Long = "exclude", ValueName = "SPEC", Multiple = true, Heading = PackageHeading },
            ManifestCommands.Features,
            ManifestCommands.AllFeatures,
            ManifestCommands.NoDefaultFeatures,
            new ArgSpec("all-targets", ArgKind.Flag, "Deprecated, use --target=all instead") { Long = "all-targets", Hidden = true },
            new ArgSpec(
                "target",
                ArgKind.OptionalValue,
                "Filter dependencies matching the given target-triple (default host platform). Pass `all` to include all targets.")
            {
                Long = "target",
                ValueName = "TRIPLE",
                Multiple = true,
                Heading = "Compilation Options",
            },
            CommonOptions.ManifestPath),
        AfterHelp = "Run `ferry help tree` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        if (args.Flag("version"))
        {
            context.Shell.Out(args.Count("verbose") > 0 ? FerryVersion.Verbose() : FerryVersion.Short() + "\n");
            return 0;
        }

        var gctx = context.GlobalContext;
        var options = new TreeOptions
        {
            ManifestPath = args.Value("manifest-path"),
            Packages = args.Values("package"),
            PackageWithoutValue = args.Has("package") && args.Values("package").Count == 0,
            Workspace = args.Flag("workspace"),
            Exclude = args.Values("exclude"),
            Features = args.Values("features"),
            AllFeatures = args.Flag("all-features"),
            NoDefaultFeatures = args.Flag("no-default-features"),
            Targets = args.Values("target"),
            TargetWithoutValue = args.Has("target") && args.Values("target").Count == 0,
            AllTargets = args.Flag("all-targets"),
            Edges = args.Values("edges"),
            NoDevDependencies = args.Flag("no-dev-dependencies"),
            Invert = args.Values("invert"),
            InvertWithoutValue = args.Has("invert") && args.Values("invert").Count == 0,
            Prune = args.Values("prune"),
            Depth = args.Value("depth"),
            Prefix = args.Value("prefix") ?? "indent",
            NoIndent = args.Flag("no-indent"),
            PrefixDepth = args.Flag("prefix-depth"),
            NoDedupe = args.Flag("no-dedupe"),
            All = args.Flag("all"),
            Duplicates = args.Flag("duplicates"),
            Format = args.Value("format") ?? "{p}",
            Unicode = args.Value("charset") switch
            {
                "utf8" => true,
                "ascii" => false,
                _ => gctx.Term.Unicode ?? (Console.IsOutputRedirected || TerminalSupportsUnicode(context)),
            },
            Color = TerminalShell.ShouldColor(StdoutColor(context), Console.IsOutputRedirected),
        };
        var text = Tree.RunAsync(gctx, ManifestCommands.Environment(context), options, CancellationToken.None).GetAwaiter().GetResult();
        context.Shell.Out(text);
        return 0;
    }

    private static ColorChoice StdoutColor(CommandContext context) => context.Globals.Color ?? context.GlobalContext.Term.Color switch
    {
        "always" => ColorChoice.Always,
        "never" => ColorChoice.Never,
        _ => ColorChoice.Auto,
    };

    /// <summary>The <c>supports-unicode</c> crate's answer for a terminal: not the Linux console, and a UTF-8 locale.</summary>
    private static bool TerminalSupportsUnicode(CommandContext context)
    {
        var env = context.Environment;
        if (env.Get("TERM") == "linux")
        {
            return false;
        }

        var ctype = (env.Get("LC_ALL") ?? env.Get("LC_CTYPE") ?? env.Get("LANG") ?? string.Empty).ToUpperInvariant();
        return ctype.EndsWith("UTF8", StringComparison.Ordinal) || ctype.EndsWith("UTF-8", StringComparison.Ordinal);
    }
}
