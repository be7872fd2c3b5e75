using System.Collections.Immutable;
using System.Text;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Resolver.Features;

/// <summary>
/// Which workspace members a command resolves, and with which of the command line's features:
/// Cargo's <c>Workspace::members_with_features</c>, with its errors word for word.
///
/// Two sets of rules exist. Resolver 2 and 3 (and every virtual workspace) apply <c>--features</c>
/// to each selected member that has the feature (<c>member/feat</c> to that member only) and fail
/// when a feature matches no selected member. Resolver 1 keeps the old behaviour for backward
/// compatibility: the flags apply to the package in the current directory, which is resolved
/// even when <c>-p</c> does not select it, other selected members get their defaults plus any
/// <c>member/feat</c>, and unknown features are left for the dependency resolver to report.
/// </summary>
public static class WorkspaceFeatureSelection
{
    private const int SuggestionLimit = 3;

    public static ImmutableArray<MemberFeatures> MembersWithFeatures(
        WorkspaceMembers workspace,
        IReadOnlyList<IPackageSpec> specs,
        CliFeatures cliFeatures,
        ResolveBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(cliFeatures);
        if (specs.Count == 0)
        {
            // The whole workspace (lockfile generation): every member with every feature.
            if (!cliFeatures.AllFeatures)
            {
                throw new ArgumentException("resolving without package specs requires all features", nameof(cliFeatures));
            }

            return [.. workspace.Members.Select(m => new MemberFeatures(m, CliFeatures.NewAll(true)))];
        }

        var newBehavior = workspace.IsVirtual || behavior is ResolveBehavior.V2 or ResolveBehavior.V3;
        return newBehavior ? NewBehavior(workspace, specs, cliFeatures) : OldBehavior(workspace, specs, cliFeatures);
    }

    private static ImmutableArray<MemberFeatures> NewBehavior(WorkspaceMembers workspace, IReadOnlyList<IPackageSpec> specs, CliFeatures cli)
    {
        var found = new SortedSet<FeatureValue>(FeatureValueComparer.Instance);
        var members = ImmutableArray.CreateBuilder<MemberFeatures>();
        foreach (var member in workspace.Members)
        {
            if (specs.Any(spec => spec.Matches(member.PackageId)))
            {
                members.Add(new MemberFeatures(member, CollectMatchingFeatures(member, cli, found)));
            }
        }

        if (members.Count == 0)
        {
            // `-p dep` for a package outside the workspace: only the defaults make sense, and
            // every member is resolved so that the package is in the graph at all.
            if (cli.Features.Length != 0 || cli.AllFeatures || !cli.UsesDefaultFeatures)
            {
                var hint = specs
                    .Select(spec => EditDistance.ClosestMessage(spec.Name, workspace.Members.Select(m => m.Name), "workspace member"))
                    .FirstOrDefault(message => message.Length != 0) ?? string.Empty;
                throw new FerryException($"cannot specify features for packages outside of workspace{hint}");
            }

            return [.. workspace.Members.Select(m => new MemberFeatures(m, CliFeatures.NewAll(false)))];
        }

        if (!found.SetEquals(cli.Features))
        {
            throw UnknownFeaturesError(workspace, specs, cli, found);
        }

        return members.ToImmutable();
    }

    /// <summary>The requested features a member defines (or <c>dep/feat</c> for its dependencies, <c>member/feat</c> for itself).</summary>
    private static CliFeatures CollectMatchingFeatures(Summary member, CliFeatures cli, SortedSet<FeatureValue> found)
    {
        if (cli.Features.Length == 0)
        {
            return cli;
        }

        var dependencies = new HashSet<string>(StringComparer.Ordinal);
        var optional = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dep in member.Dependencies)
        {
            dependencies.Add(dep.NameInToml);
            if (dep.Optional)
            {
                optional.Add(dep.NameInToml);
            }
        }

        bool Defines(string feature) => member.Features.ContainsKey(feature) || optional.Contains(feature);

        var features = new SortedSet<FeatureValue>(FeatureValueComparer.Instance);
        foreach (var feature in cli.Features)
        {
            if (feature.Kind == FeatureValueKind.Feature)
            {
                if (Defines(feature.Name))
                {
                    features.Add(feature);
                    found.Add(feature);
                }
            }
            else if (dependencies.Contains(feature.Name))
            {
                // The dependency resolver checks that the dependency has the feature.
                features.Add(feature);
                found.Add(feature);
            }
            else if (feature.Name == member.Name && Defines(feature.DepFeature!))
            {
                // `member/feat`; a `?` means nothing here, the member is built or it is not.
                features.Add(FeatureValue.Feature(feature.DepFeature!));
                found.Add(feature);
            }
        }

        return cli with { Features = [.. features] };
    }

    private static FerryException UnknownFeaturesError(WorkspaceMembers workspace, IReadOnlyList<IPackageSpec> specs, CliFeatures cli, SortedSet<FeatureValue> found)
    {
        var unknown = cli.Features.Where(f => !found.Contains(f)).Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        var selected = workspace.Members.Where(m => specs.Any(spec => spec.Matches(m.PackageId))).ToList();
        var missingPackages = workspace.Members
            .Where(m => !specs.Any(spec => spec.Matches(m.PackageId)))
            .Where(m => unknown.Any(f => m.Features.ContainsKey(f)))
            .Select(m => m.Name)
            .ToList();
        var theseFeatures = unknown.Count == 1 ? "this feature" : "these features";
        var msg = new StringBuilder();
        if (selected.Count == 1)
        {
            msg.Append($"the package '{selected[0].Name}' does not contain {theseFeatures}: {string.Join(", ", unknown)}");
        }
        else
        {
            msg.Append($"none of the selected packages contains {theseFeatures}: {string.Join(", ", unknown)}\nselected packages: {string.Join(", ", selected.Select(m => m.Name))}");
        }

        if (missingPackages.Count != 0)
        {
            msg.Append($"\nhelp: package{(missingPackages.Count != 1 ? "s" : string.Empty)} with the missing feature{(unknown.Count != 1 ? "s" : string.Empty)}: {string.Join(", ", missingPackages)}");
        }
        else
        {
            var suggestions = SpellingSuggestions(selected, cli, found);
            if (suggestions.Count != 0)
            {
                msg.Append($"\nhelp: there {(suggestions.Count == 1 ? "is a similarly named feature" : "are similarly named features")}: {string.Join(", ", suggestions)}");
            }
        }

        return new FerryException(msg.ToString());
    }

    /// <summary>Up to five close spellings among the selected members' features, optional dependencies and declared dependency features.</summary>
    private static List<string> SpellingSuggestions(List<Summary> selected, CliFeatures cli, SortedSet<FeatureValue> found)
    {
        static bool Close(string a, string b) => EditDistance.Distance(a, b, SuggestionLimit) is not null;

        var summaryFeatures = new List<string>();
        var dependencyFeatures = new SortedDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var optionalNames = new List<string>();

        // Cargo keys these by package, so they are visited in package id order.
        var featuresPerMember = new SortedDictionary<PackageId, SortedSet<string>>();
        var optionalPerMember = new SortedDictionary<PackageId, SortedSet<string>>();
        foreach (var member in selected)
        {
            summaryFeatures.AddRange(member.Features.Keys);
            featuresPerMember[member.PackageId] = new SortedSet<string>(member.Features.Keys, StringComparer.Ordinal);

            // By name in the manifest; of several declarations under one name the last one counts.
            var byName = new SortedDictionary<string, Dependency>(StringComparer.Ordinal);
            foreach (var dep in member.Dependencies)
            {
                byName[dep.NameInToml] = dep;
            }

            foreach (var (name, dep) in byName)
            {
                dependencyFeatures[name] = dep.Features;
            }

            var optional = new SortedSet<string>(byName.Where(pair => pair.Value.Optional).Select(pair => pair.Key), StringComparer.Ordinal);
            optionalNames.AddRange(optional);
            optionalPerMember[member.PackageId] = optional;
        }

        var candidates = new List<string>();
        foreach (var feature in cli.Features)
        {
            if (found.Contains(feature))
            {
                continue;
            }

            if (feature.Kind == FeatureValueKind.Feature)
            {
                candidates.AddRange(summaryFeatures.Where(f => Close(f, feature.Name)));
                candidates.AddRange(optionalNames.Where(f => Close(f, feature.Name)));
                continue;
            }

            var depName = feature.Name;
            var depFeature = feature.DepFeature!;
            foreach (var (name, features) in dependencyFeatures)
            {
                if (Close(name, depName))
                {
                    candidates.AddRange(features.Where(f => Close(f, depFeature)).Select(f => $"{name}/{f}"));
                }
            }

            foreach (var (package, optional) in optionalPerMember)
            {
                if (Close(package.Name, depName))
                {
                    candidates.AddRange(optional.Where(o => Close(o, depName)).Select(o => $"{package.Name}/{o}"));
                }
            }

            foreach (var (package, features) in featuresPerMember)
            {
                if (Close(package.Name, depName))
                {
                    candidates.AddRange(features.Where(f => Close(f, depFeature)).Select(f => $"{package.Name}/{f}"));
                }
            }
        }

        var requested = new HashSet<FeatureValue>(cli.Features);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Where(c => !requested.Contains(FeatureValue.Parse(c)) && !found.Contains(FeatureValue.Parse(c)))
            .Order(StringComparer.Ordinal)
            .Take(5)
            .ToList();
    }

    private static ImmutableArray<MemberFeatures> OldBehavior(WorkspaceMembers workspace, IReadOnlyList<IPackageSpec> specs, CliFeatures cli)
    {
        // `member/feat` for a selected member other than the current one goes to that member;
        // everything else applies to the package in the current directory.
        var memberSpecific = new Dictionary<string, SortedSet<FeatureValue>>(StringComparer.Ordinal);
        var cwdFeatures = new SortedSet<FeatureValue>(FeatureValueComparer.Instance);
        foreach (var feature in cli.Features)
        {
            if (feature.Kind == FeatureValueKind.DepFeature)
            {
                var isOtherMember = workspace.Members.Any(m => !m.PackageId.Equals(workspace.Current) && m.Name == feature.Name);
                if (isOtherMember && specs.Any(spec => spec.Name == feature.Name))
                {
                    if (!memberSpecific.TryGetValue(feature.Name, out var set))
                    {
                        set = new SortedSet<FeatureValue>(FeatureValueComparer.Instance);
                        memberSpecific[feature.Name] = set;
                    }

                    set.Add(FeatureValue.Feature(feature.DepFeature!));
                    continue;
                }
            }

            cwdFeatures.Add(feature);
        }

        var result = ImmutableArray.CreateBuilder<MemberFeatures>();
        foreach (var member in workspace.Members)
        {
            if (member.PackageId.Equals(workspace.Current))
            {
                result.Add(new MemberFeatures(member, cli with { Features = [.. cwdFeatures] }));
            }
            else if (specs.Any(spec => spec.Matches(member.PackageId)))
            {
                // `--features` and `--no-default-features` used to apply to the current package
                // only; other members keep their defaults.
                var own = memberSpecific.Remove(member.Name, out var set) ? set : [];
                result.Add(new MemberFeatures(member, new CliFeatures([.. own], cli.AllFeatures, true)));
            }
        }

        return result.ToImmutable();
    }
}
