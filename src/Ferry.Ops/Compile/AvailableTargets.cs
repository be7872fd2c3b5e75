using System.Text;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Compile;

/// <summary>Cargo's <c>check_optional_opts</c>: <c>--bin</c> (and friends) without a value list what is available.</summary>
internal static class AvailableTargets
{
    public static void Check(Workspace workspace, IReadOnlyCollection<string> bareFlags, IReadOnlyList<Manifest> packages)
    {
        if (bareFlags.Contains("example"))
        {
            Fail(packages, t => t.IsExample, "--example", "examples");
        }

        if (bareFlags.Contains("bin"))
        {
            Fail(packages, t => t.IsBin, "--bin", "binaries");
        }

        if (bareFlags.Contains("bench"))
        {
            Fail(packages, t => t.IsBench, "--bench", "bench targets");
        }

        if (bareFlags.Contains("test"))
        {
            Fail(packages, t => t.IsTest, "--test", "test targets");
        }

        if (bareFlags.Contains("package"))
        {
            var text = new StringBuilder("\"--package <SPEC>\" requires a SPEC format value, which can be any package ID specifier in the dependency graph.\nRun `ferry help pkgid` for more information about SPEC format.\n\n");
            var members = workspace.Members.ToList();
            if (members.Count == 0)
            {
                text.Append("No packages available.\n");
            }
            else
            {
                text.Append("Possible packages/workspace members:\n");
                foreach (var member in members)
                {
                    text.Append("    ").Append(member.Name).Append('\n');
                }
            }

            throw new FerryException(text.ToString());
        }
    }

    private static void Fail(IReadOnlyList<Manifest> packages, Func<Target, bool> filter, string option, string plural)
    {
        var names = packages.SelectMany(p => p.Targets.Where(filter)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder($"\"{option}\" takes one argument.\n");
        if (names.Count == 0)
        {
            text.Append($"No {plural} available.\n");
        }
        else
        {
            text.Append($"Available {plural}:\n");
            foreach (var name in names)
            {
                text.Append("    ").Append(name).Append('\n');
            }
        }

        throw new FerryException(text.ToString());
    }
}
