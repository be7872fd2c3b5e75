using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary>The options <c>new</c> and <c>init</c> share (Cargo's <c>arg_new_opts</c>, <c>--registry</c>, the hidden <c>-s</c>).</summary>
internal static class NewCommandOptions
{
    public static IReadOnlyList<ArgSpec> Options { get; } = CommonOptions.WithGlobals(
        manifestCommand: true,
        new ArgSpec("vcs", ArgKind.Value, "Initialize a new repository for the given version control system, overriding a global configuration.")
        {
            Long = "vcs",
            ValueName = "VCS",
            PossibleValues = ["git", "hg", "pijul", "fossil", "none"],
        },
        new ArgSpec("bin", ArgKind.Flag, "Use a binary (application) template [default]") { Long = "bin" },
        new ArgSpec("lib", ArgKind.Flag, "Use a library template") { Long = "lib" },
        new ArgSpec("edition", ArgKind.Value, "Edition to set for the crate generated")
        {
            Long = "edition",
            ValueName = "YEAR",
            PossibleValues = ["2015", "2018", "2021", "2024"],
        },
        new ArgSpec("name", ArgKind.Value, "Set the resulting package name, defaults to the directory name") { Long = "name", ValueName = "NAME" },
        new ArgSpec("registry", ArgKind.Value, "Registry to use") { Long = "registry", ValueName = "REGISTRY" },
        new ArgSpec("silent", ArgKind.Flag, string.Empty) { Long = "silent", Short = 's', Hidden = true, SuggestInstead = "--quiet" });

    /// <summary>Maps the parsed flags to <see cref="NewOptions"/> (Cargo's <c>new_options</c>).</summary>
    public static NewOptions Read(CommandContext context, ParsedArgs args, string path) => NewOptions.Create(
        context.GlobalContext,
        args.Value("vcs") switch
        {
            "git" => VersionControl.Git,
            "hg" => VersionControl.Hg,
            "pijul" => VersionControl.Pijul,
            "fossil" => VersionControl.Fossil,
            "none" => VersionControl.NoVcs,
            _ => null,
        },
        args.Flag("bin"),
        args.Flag("lib"),
        path,
        args.Value("name"),
        args.Value("edition"),
        args.Value("registry"));
}
