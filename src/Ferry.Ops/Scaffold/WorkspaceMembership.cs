using System.Text;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// How a new package joins the workspace around it, as <c>cargo new</c> does it: the nearest
/// ancestor <c>Cargo.toml</c> (whatever it is) is read with toml_edit; if the package may be a
/// member (its path is not listed verbatim in <c>workspace.exclude</c>) it inherits every key of
/// <c>[workspace.package]</c> (except <c>edition</c>/<c>publish</c> given on the command line) and
/// <c>[lints]</c>, and its path is pushed onto <c>workspace.members</c> unless a member pattern
/// already matches it (kept sorted if it was sorted). A root manifest that does not parse is
/// silently left alone: this is a best effort that never blocks the new package.
/// </summary>
internal static class WorkspaceMembership
{
    public static MembershipResult Apply(string packagePath, string manifestPath, bool editionGiven, bool registryGiven)
    {
        if (FindRootManifest(manifestPath) is not { } rootManifestPath)
        {
            return MembershipResult.None;
        }

        var text = CargoPaths.ReadText(rootManifestPath);
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(text, TomlParseOptions.Toml11);
        }
        catch (TomlParseException)
        {
            return MembershipResult.None;
        }

        var rootDirectory = RustPath.Parent(rootManifestPath)!;
        var displayPath = DisplayPath(packagePath, rootDirectory);
        if (!CanBeMember(document, displayPath))
        {
            return MembershipResult.None;
        }

        var workspace = document.Root.Get("workspace");
        var inherited = new List<string>();
        if (workspace is TomlTable { TableKind: not TomlTableKind.Inline } workspaceTable
            && workspaceTable.Get("package") is TomlTable { TableKind: not TomlTableKind.Inline } package)
        {
            foreach (var (key, _) in package)
            {
                if ((key == "edition" && editionGiven) || (key == "publish" && registryGiven))
                {
                    continue;
                }

                inherited.Add(key);
            }
        }

        var lints = workspace is TomlTable table && table.ContainsKey("lints");
        var added = workspace is TomlTable target && AddMember(rootManifestPath, document, target, displayPath);
        return new MembershipResult(inherited, lints, added ? RustPath.FileName(displayPath) : null, added ? rootDirectory : null);
    }

    /// <summary>Cargo's <c>find_root_manifest_for_wd</c>: the first <c>Cargo.toml</c> from the path upwards.</summary>
    private static string? FindRootManifest(string start)
    {
        for (var current = start; current is not null; current = RustPath.Parent(current))
        {
            var candidate = RustPath.Join(current, "Cargo.toml");
            if (CargoPaths.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The package's path relative to the workspace root, with <c>/</c> separators (as written in <c>members</c>).</summary>
    private static string DisplayPath(string packagePath, string rootDirectory)
    {
        var relative = RustPath.Diff(packagePath, rootDirectory)
            ?? throw new FerryException($"path comparison requires two absolute paths; package_path: `{packagePath}`, workspace_path: `{rootDirectory}`");
        return string.Join('/', RustPath.Components(relative));
    }

    private static bool CanBeMember(TomlDocument document, string displayPath)
    {
        if (document.Root.Get("workspace") is TomlTable workspace && workspace.Get("exclude") is TomlArray exclude)
        {
            foreach (var item in exclude)
            {
                if (item is not TomlString pattern)
                {
                    throw new FerryException($"invalid non-string exclude path `{Shown(item)}`");
                }

                if (pattern.Value == displayPath)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AddMember(string rootManifestPath, TomlDocument document, TomlTable workspace, string displayPath)
    {
        if (workspace.Get("members") is TomlArray members)
        {
            foreach (var member in members)
            {
                if (member is not TomlString pattern)
                {
                    throw new FerryException($"invalid non-string member `{Shown(member)}`");
                }

                GlobPattern glob;
                try
                {
                    glob = GlobPattern.Parse(pattern.Value);
                }
                catch (FerryException e)
                {
                    throw new FerryException($"cannot build glob pattern from `{pattern.Value}`", e);
                }

                if (glob.Matches(displayPath))
                {
                    return false;
                }
            }

            var wasSorted = true;
            for (var i = 1; i < members.Count; i++)
            {
                if (Utf8Compare(members[i - 1], members[i]) > 0)
                {
                    wasSorted = false;
                    break;
                }
            }

            members.Push(new TomlString(displayPath));
            if (wasSorted)
            {
                members.Sort(Utf8Compare);
            }
        }
        else
        {
            workspace.Set("members", new TomlArray { new TomlString(displayPath) });
        }

        try
        {
            AtomicFile.WriteAllText(rootManifestPath, document.ToString());
        }
        catch (Exception e) when (CargoPaths.IsIo(e))
        {
            throw new FerryException($"failed to write `{rootManifestPath}`", new FerryException(OsError.Describe(e, rootManifestPath)));
        }

        return true;
    }

    /// <summary>Rust's <c>str</c> order (UTF-8 bytes), which differs from UTF-16 order past the BMP.</summary>
    private static int Utf8Compare(TomlValue left, TomlValue right)
    {
        var a = Encoding.UTF8.GetBytes(((TomlString)left).Value);
        var b = Encoding.UTF8.GetBytes(((TomlString)right).Value);
        return a.AsSpan().SequenceCompareTo(b);
    }

    private static string Shown(TomlValue value) => value.ToTomlString().Trim();
}
