using System.Text;
using Ferry.Build.Fingerprints;
using Ferry.Build.Layout;
using Ferry.Build.Units;
using Ferry.Util.IO;

namespace Ferry.Build.Execution;

/// <summary>
/// Cargo's <c>output_depinfo</c>: next to each uplifted artifact (<c>target/debug/foo.d</c>) a
/// Makefile-style dep-info listing every source file of the unit and of the local units it depends
/// on, plus build scripts' <c>rerun-if-changed</c> paths, for build systems that wrap Cargo.
/// </summary>
internal static class OutputDepInfo
{
    public static void Write(BuildState state, FingerprintTracker fingerprints, Unit unit, string? basedir)
    {
        var deps = new SortedSet<string>(StringComparer.Ordinal);
        var success = AddDeps(state, fingerprints, unit, deps, []);
        foreach (var output in state.Files.Outputs(unit))
        {
            if (output.Flavor is FileFlavor.DebugInfo or FileFlavor.Auxiliary || output.Hardlink is not { } link)
            {
                continue;
            }

            var path = Path.ChangeExtension(link, ".d");
            if (!success)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                }

                continue;
            }

            var text = new StringBuilder(Render(link, basedir)).Append(':');
            foreach (var dep in deps)
            {
                text.Append(' ').Append(Render(dep, basedir));
            }

            text.Append('\n');
            var contents = text.ToString();
            if (File.Exists(path) && UnlockedFile.ReadAllText(path) == contents)
            {
                continue;
            }

            File.WriteAllText(path, contents);
        }
    }

    private static string Render(string path, string? basedir)
    {
        if (basedir is not null && path.StartsWith(basedir.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            path = path[(basedir.TrimEnd('/').Length + 1)..];
        }

        return path.Replace(" ", "\\ ");
    }

    private static bool AddDeps(BuildState state, FingerprintTracker fingerprints, Unit unit, SortedSet<string> deps, HashSet<Unit> visited)
    {
        if (!visited.Add(unit))
        {
            return true;
        }

        if (unit.Mode != CompileMode.RunCustomBuild)
        {
            EncodedDepInfo? info = null;
            try
            {
                info = EncodedDepInfo.Parse(UnlockedFile.ReadAllText(fingerprints.DepInfoPath(unit)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            if (info is null)
            {
                return false;
            }

            foreach (var file in info.Files)
            {
                deps.Add(EncodedDepInfo.Resolve(file, unit.Package.Root, fingerprints.BuildRoot));
            }
        }

        if (BuildScriptMap.OwnBuildScriptRun(state.Graph, unit) is { } run && state.ScriptOutputs.TryGetValue(run, out var output))
        {
            foreach (var path in output.RerunIfChanged)
            {
                deps.Add(path.Length == 0 ? unit.Package.Root : Path.Combine(unit.Package.Root, path));
            }
        }

        foreach (var dep in state.Graph.Deps(unit))
        {
            if (dep.Unit.IsLocal && !AddDeps(state, fingerprints, dep.Unit, deps, visited))
            {
                return false;
            }
        }

        return true;
    }
}
