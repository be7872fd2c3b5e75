using System.Runtime.InteropServices;

namespace Ferry.Build.Execution;

/// <summary>
/// Replaces the running process with another program (Cargo's <c>exec_replace</c> for <c>cargo
/// run</c>): the program gets the terminal, signals and exit code directly. Falls back to running
/// it as a child and returning its exit code where <c>execve</c> fails.
/// </summary>
public static partial class ProcessExec
{
    public static int Replace(ProcessCommand command, IReadOnlyDictionary<string, string> baseEnvironment)
    {
        var program = Resolve(command.Program, command.Env.TryGetValue("PATH", out var path) && path is not null ? path : baseEnvironment.GetValueOrDefault("PATH"));
        var environment = new Dictionary<string, string>(baseEnvironment, StringComparer.Ordinal);
        foreach (var (key, value) in command.Env)
        {
            if (value is null)
            {
                environment.Remove(key);
            }
            else
            {
                environment[key] = value;
            }
        }

        if (program is not null)
        {
            if (command.Cwd is { } cwd)
            {
                Directory.SetCurrentDirectory(cwd);
            }

            var argv = new string?[command.Args.Length + 2];
            argv[0] = command.Program;
            for (var i = 0; i < command.Args.Length; i++)
            {
                argv[i + 1] = command.Args[i];
            }

            var envp = new string?[environment.Count + 1];
            var index = 0;
            foreach (var (key, value) in environment)
            {
                envp[index++] = $"{key}={value}";
            }

            Execve(program, argv, envp);

            // Only reached when execve failed: run it as a child instead.
        }

        using var process = ChildProcess.Start(command, baseEnvironment, redirect: false);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string? Resolve(string program, string? path)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        foreach (var dir in (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execve(string path, string?[] argv, string?[] envp);
}
