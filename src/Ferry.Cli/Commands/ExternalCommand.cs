using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary>
/// Third-party subcommands: <c>ferry foo</c> runs <c>cargo-foo</c> (or <c>ferry-foo</c>) from
/// <c>PATH</c> or <c>$CARGO_HOME/bin</c>, the way Cargo does: the program gets <c>foo</c> and
/// the remaining arguments, <c>CARGO</c> pointing at this executable, the terminal, and its
/// exit code becomes ours.
/// </summary>
internal static class ExternalCommand
{
    private static readonly string[] Prefixes = ["cargo-", "ferry-"];

    /// <summary>
    /// The directories searched: <c>PATH</c>, with <c>$CARGO_HOME/bin</c> in front unless it is
    /// already listed (so users can still order it within <c>PATH</c>).
    /// </summary>
    public static List<string> SearchDirectories(GlobalContext gctx)
    {
        var directories = new List<string>();
        if (gctx.Environment.Get("PATH") is { } path)
        {
            directories.AddRange(path.Split(Path.PathSeparator));
        }

        var homeBin = Path.Join(gctx.CargoHome, "bin");
        if (!directories.Any(d => d.TrimEnd('/') == homeBin))
        {
            directories.Insert(0, homeBin);
        }

        return directories;
    }

    public static string? Find(GlobalContext gctx, string name)
    {
        foreach (var directory in SearchDirectories(gctx))
        {
            foreach (var prefix in Prefixes)
            {
                var candidate = Path.Join(directory, prefix + name);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Every <c>cargo-*</c>/<c>ferry-*</c> program found, by command name (for suggestions and <c>--list</c>).</summary>
    public static SortedDictionary<string, string> All(GlobalContext gctx)
    {
        var commands = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in SearchDirectories(gctx))
        {
            string[] files;
            try
            {
                files = Directory.GetFiles(directory);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
                continue;
            }

            foreach (var file in files)
            {
                var fileName = Path.GetFileName(file);
                foreach (var prefix in Prefixes)
                {
                    if (fileName.StartsWith(prefix, StringComparison.Ordinal) && fileName.Length > prefix.Length && IsExecutable(file))
                    {
                        commands.TryAdd(fileName[prefix.Length..], file);
                    }
                }
            }
        }

        return commands;
    }

    public static int Run(string program, string name, IReadOnlyList<string> args, GlobalContext gctx)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        start.ArgumentList.Add(name);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (key, value) in gctx.Environment.Variables)
        {
            start.Environment[key] = value;
        }

        if (Environment.ProcessPath is { } self)
        {
            start.Environment["CARGO"] = self;
        }

        try
        {
            using var process = Process.Start(start) ?? throw new FerryException($"could not execute process `{program}`");
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new FerryException($"could not execute process `{program} {name}` (never executed)", new FerryException(error.Message));
        }
    }

    private static bool IsExecutable(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (OperatingSystem.IsWindows())
            {
                return true;
            }

            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
