using System.Text;
using Ferry.Core.Identity;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Which packages a command works on (Cargo's <c>ops::Packages</c>): the default members, the
/// whole workspace (<c>--workspace</c>, minus <c>--exclude</c>), or <c>-p</c> specs, which may be
/// globs matched against member names. <see cref="ToSpecs"/> turns the choice into package specs
/// with Cargo's errors and warnings.
/// </summary>
internal sealed record PackageSelection(PackageSelectionKind Kind, IReadOnlyList<string> Values)
{
    /// <summary>Cargo's <c>Packages::from_flags</c>.</summary>
    public static PackageSelection FromFlags(bool all, IReadOnlyList<string> exclude, IReadOnlyList<string> packages)
    {
        if (!all && exclude.Count == 0)
        {
            return packages.Count == 0 ? new(PackageSelectionKind.Default, []) : new(PackageSelectionKind.Packages, packages);
        }

        if (!all)
        {
            throw new FerryException("--exclude can only be used together with --workspace");
        }

        return exclude.Count == 0 ? new(PackageSelectionKind.All, packages) : new(PackageSelectionKind.OptOut, exclude);
    }

    /// <summary>Cargo's <c>to_package_id_specs</c>: members become exact specs, <c>-p</c> values stay as parsed.</summary>
    public IReadOnlyList<SelectedSpec> ToSpecs(Workspace workspace, IShell shell)
    {
        var members = workspace.Members.ToList();
        List<SelectedSpec> specs;
        switch (Kind)
        {
            case PackageSelectionKind.All:
                {
                    var (patterns, ids) = PatternsAndIds(Values);
                    foreach (var member in members)
                    {
                        var matched = ids.Find(id => id.Matches(member.PackageId));
                        if (matched is not null)
                        {
                            ids.Remove(matched);
                        }
                        else
                        {
                            MatchPatterns(member.Name, patterns);
                        }
                    }

                    PackageNotFound(workspace, ids, optOut: false);
                    PatternNotFound(workspace, patterns, optOut: false);
                    specs = [.. members.Select(m => SelectedSpec.Exact(m.PackageId))];
                    break;
                }

            case PackageSelectionKind.OptOut:
                {
                    var (patterns, ids) = PatternsAndIds(Values);
                    specs = [];
                    foreach (var member in members)
                    {
                        var matched = ids.Find(id => id.Matches(member.PackageId));
                        if (matched is not null)
                        {
                            ids.Remove(matched);
                            continue;
                        }

                        if (!MatchPatterns(member.Name, patterns))
                        {
                            specs.Add(SelectedSpec.Exact(member.PackageId));
                        }
                    }

                    try
                    {
                        PackageNotFound(workspace, ids, optOut: true);
                    }
                    catch (FerryException error)
                    {
                        shell.Warn(error.Message);
                    }

                    try
                    {
                        PatternNotFound(workspace, patterns, optOut: true);
                    }
                    catch (FerryException error)
                    {
                        shell.Warn(error.Message);
                    }

                    break;
                }

            case PackageSelectionKind.Packages:
                {
                    var (patterns, ids) = PatternsAndIds(Values);
                    specs = [.. ids.Select(SelectedSpec.Of)];
                    if (patterns.Count > 0)
                    {
                        specs.AddRange(members.Where(m => MatchPatterns(m.Name, patterns)).Select(m => SelectedSpec.Exact(m.PackageId)));
                    }

                    PatternNotFound(workspace, patterns, optOut: false);
                    break;
                }

            default:
                specs = [.. workspace.DefaultMembers.Select(m => SelectedSpec.Exact(m.PackageId))];
                break;
        }

        if (specs.Count == 0)
        {
            if (workspace.IsVirtual)
            {
                throw new FerryException($"manifest path `{workspace.Root}` contains no package: The manifest is virtual, and the workspace has no members.");
            }

            throw new FerryException("no packages to compile");
        }

        return specs;
    }

    /// <summary>Cargo's list of members for a <c>-p</c> without a value.</summary>
    public static string AvailablePackages(Workspace workspace)
    {
        var text = new StringBuilder(
            "\"--package <SPEC>\" requires a SPEC format value, which can be any package ID specifier in the dependency graph.\n"
            + "Run `cargo help pkgid` for more information about SPEC format.\n\nPossible packages/workspace members:");
        foreach (var member in workspace.Members)
        {
            text.Append("\n    ").Append(member.Name);
        }

        return text.Append('\n').ToString();
    }

    private static (List<(NameGlob Glob, bool Matched)> Patterns, List<PackageIdSpec> Ids) PatternsAndIds(IReadOnlyList<string> values)
    {
        var patterns = new List<(NameGlob, bool)>();
        var ids = new List<PackageIdSpec>();
        foreach (var value in values)
        {
            try
            {
                var spec = PackageIdSpec.Parse(value);
                if (!ids.Contains(spec))
                {
                    ids.Add(spec);
                }
            }
            catch (FerryException) when (NameGlob.IsGlob(value))
            {
                patterns.Add((NameGlob.Parse(value), false));
            }
        }

        // A BTreeSet in Cargo: the not-found message lists them sorted.
        ids.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return (patterns, ids);
    }

    private static bool MatchPatterns(string name, List<(NameGlob Glob, bool Matched)> patterns)
    {
        var any = false;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Glob.Matches(name))
            {
                patterns[i] = (patterns[i].Glob, true);
                any = true;
            }
        }

        return any;
    }

    private static void PackageNotFound(Workspace workspace, List<PackageIdSpec> ids, bool optOut)
    {
        if (ids.Count > 0)
        {
            var names = ids.Select(id => id.ToString()).Distinct().Order(StringComparer.Ordinal);
            throw new FerryException($"{(optOut ? "excluded " : string.Empty)}package(s) `{string.Join(", ", names)}` not found in workspace `{workspace.Root}`");
        }
    }

    private static void PatternNotFound(Workspace workspace, List<(NameGlob Glob, bool Matched)> patterns, bool optOut)
    {
        var notMatched = patterns.Where(p => !p.Matched).Select(p => p.Glob.Pattern).ToList();
        if (notMatched.Count > 0)
        {
            throw new FerryException($"{(optOut ? "excluded " : string.Empty)}package pattern(s) `{string.Join(", ", notMatched)}` not found in workspace `{workspace.Root}`");
        }
    }
}
