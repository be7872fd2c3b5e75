using System.Diagnostics;
using System.Text;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.New;

/// <summary>
/// Runs a <see cref="NewCase"/> with one program (ferry or cargo) in a fresh sandbox and records
/// what it printed (temp paths redacted) and every file and directory it left behind (the
/// contents of <c>.git</c> directories excepted: git and libgit2 lay them out differently).
/// </summary>
internal sealed record NewRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Tree)
{
    public static NewRun Execute(NewCase testCase, bool cargo)
    {
        using var sandbox = new Sandbox();
        foreach (var (path, contents) in testCase.Files)
        {
            var full = sandbox.Path(path);
            if (path.EndsWith('/'))
            {
                Directory.CreateDirectory(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }

        foreach (var directory in testCase.GitInit)
        {
            var init = ProcessRunner.Run("git", ["init", "-q", sandbox.Path(directory)], sandbox.Work, sandbox.Environment(), TimeSpan.FromMinutes(1));
            Assert.Equal(0, init.ExitCode);
        }

        foreach (var (key, value) in testCase.Env)
        {
            sandbox.ExtraEnvironment[key] = value;
        }

        var cwd = testCase.Cwd == "~" ? sandbox.Home : sandbox.Path(testCase.Cwd);
        Directory.CreateDirectory(cwd);
        foreach (var directory in testCase.Immutable)
        {
            Chattr("+i", sandbox.Path(directory));
        }

        CommandResult result;
        try
        {
            result = cargo ? sandbox.CargoIn(cwd, testCase.Args) : sandbox.FerryIn(cwd, testCase.Args);
        }
        finally
        {
            foreach (var directory in testCase.Immutable)
            {
                Chattr("-i", sandbox.Path(directory));
            }
        }

        var tree = Snapshot(sandbox.RootDirectory);
        return new NewRun(result.ExitCode, Redact(result.Stdout, sandbox, cargo), Redact(result.Stderr, sandbox, cargo), tree);
    }

    /// <summary>Whether <c>chattr +i</c> works here (root with CAP_LINUX_IMMUTABLE on a file system that has the flag).</summary>
    public static bool CanMakeImmutable { get; } = ProbeChattr();

    /// <summary>
    /// Sandbox paths become <c>[ROOT]</c>; in cargo's text, command invocations name ferry
    /// (<c>Usage: ferry new</c>, <c>`ferry init`</c>), the one intended difference.
    /// </summary>
    private static string Redact(string text, Sandbox sandbox, bool cargo)
    {
        text = text.Replace(sandbox.RootDirectory, "[ROOT]", StringComparison.Ordinal);
        if (cargo)
        {
            text = text.Replace("Usage: cargo ", "Usage: ferry ", StringComparison.Ordinal)
                .Replace("`cargo ", "`ferry ", StringComparison.Ordinal);
        }

        return text;
    }

    private static Dictionary<string, string> Snapshot(string root)
    {
        var tree = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(string directory)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                var relative = Path.GetRelativePath(root, entry);
                if (Directory.Exists(entry))
                {
                    if (Path.GetFileName(entry) == ".git")
                    {
                        tree[relative + "/"] = "<git repository>";
                        continue;
                    }

                    tree[relative + "/"] = "<directory>";
                    Walk(entry);
                }
                else
                {
                    tree[relative] = Encoding.UTF8.GetString(File.ReadAllBytes(entry));
                }
            }
        }

        Walk(root);
        return tree;
    }

    private static void Chattr(string flag, string path)
    {
        var psi = new ProcessStartInfo("chattr") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(flag);
        psi.ArgumentList.Add(path);
        using var process = Process.Start(psi)!;
        process.WaitForExit();
    }

    private static bool ProbeChattr()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ferry-chattr-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            Chattr("+i", directory);
            try
            {
                Directory.CreateDirectory(Path.Combine(directory, "x"));
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
            catch (IOException)
            {
                return true;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            try
            {
                Chattr("-i", directory);
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}
