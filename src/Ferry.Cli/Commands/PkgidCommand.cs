using Ferry.Cli.Args;
using Ferry.Core.Manifest;
using Ferry.Ops;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry pkgid</c>.</summary>
internal sealed class PkgidCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("pkgid", "Print a fully qualified package specification")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("package", ArgKind.OptionalValue, "Argument to get the package ID specifier for")
            {
                Long = "package",
                Short = 'p',
                ValueName = "SPEC",
                Heading = "Package Selection",
            },
            CommonOptions.ManifestPath),
        Positionals = [new PositionalSpec("spec", "SPEC", string.Empty)],
        AfterHelp = "Run `ferry help pkgid` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var environment = ManifestCommands.Environment(context);
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(args.Value("manifest-path"), environment, loader);
        if (args.Has("package") && args.Value("package") is null)
        {
            throw new FerryException(Pkgid.AvailablePackages(workspace));
        }

        context.Shell.Out(Pkgid.Run(workspace, args.Positional("spec") ?? args.Value("package"), loader));
        return 0;
    }
}
