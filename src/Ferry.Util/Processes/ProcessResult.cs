using Ferry.Util.Diagnostics;

namespace Ferry.Util.Processes;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    /// <summary>Cargo's wording for a failed tool: <c>process didn't exit successfully: `cmd` (exit status: 1)</c>.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            var detail = Stderr.Length > 0 ? $"\n--- stderr\n{Stderr}" : string.Empty;
            throw new FerryException($"process didn't exit successfully: `{CommandLine}` (exit status: {ExitCode}){detail}");
        }

        return this;
    }
}
