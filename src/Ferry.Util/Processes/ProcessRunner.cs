using System.Diagnostics;
using Ferry.Util.Diagnostics;

namespace Ferry.Util.Processes;

/// <summary>Runs a tool to completion and captures its output (rustc queries, git).</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            psi.Environment.Clear();
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new FerryException($"could not execute process `{program}`");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new FerryException($"could not execute process `{Describe(program, psi.ArgumentList)}` (never executed)", new FerryException(error.Message));
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), Describe(program, psi.ArgumentList));
        }
    }

    private static string Describe(string program, IEnumerable<string> args) => string.Join(' ', [program, .. args]);
}
