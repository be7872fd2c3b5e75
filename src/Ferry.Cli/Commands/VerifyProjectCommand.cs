using System.Text;
using Ferry.Cli.Args;
using Ferry.Cli.Shell;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry verify-project</c>: deprecated and hidden, as in Cargo.</summary>
internal sealed class VerifyProjectCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new(
        "verify-project",
        "DEPRECATED: Check correctness of crate manifest.\n\nSee https://github.com/rust-lang/cargo/issues/14679.")
    {
        Hidden = true,
        ListDescription = "DEPRECATED: Check correctness of crate manifest.",
        Options = CommonOptions.WithGlobals(manifestCommand: true, CommonOptions.ManifestPath),
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var (json, exitCode, diagnostic) = VerifyProject.Run(args.Value("manifest-path"), ManifestCommands.Environment(context));
        if (diagnostic is Util.Diagnostics.DiagnosticException located)
        {
            var text = new StringBuilder();
            ErrorRenderer.AppendDiagnostic(text, located, context.Shell);
            context.Shell.Err(text.ToString());
        }

        context.Shell.Out(json);
        return exitCode;
    }
}
