using Ferry.Build.Execution;
using Ferry.Build.Units;
using Ferry.Core.Workspaces;

namespace Ferry.Ops.Compile;

/// <summary>What a compile leaves for the command that asked (<c>run</c> needs the binaries and their environment).</summary>
internal sealed record CompileOutcome(Compilation Compilation, Workspace Workspace, BuildContext Context);
