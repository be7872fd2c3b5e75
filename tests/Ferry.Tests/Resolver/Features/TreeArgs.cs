using Ferry.Core.Dependencies;

namespace Ferry.Tests.Resolver.Features;

/// <summary>The <c>cargo tree</c> options the fixtures use, parsed as Cargo parses them.</summary>
internal sealed record TreeArgs(
    IReadOnlyList<string> Packages,
    bool Workspace,
    IReadOnlyList<string> Features,
    bool AllFeatures,
    bool NoDefaultFeatures,
    IReadOnlySet<DependencyKind> EdgeKinds,
    bool GraphFeatures,
    IReadOnlyList<string> Targets)
{
    public bool AllTargets => Targets is ["all"];

    public static TreeArgs Parse(IReadOnlyList<string> run)
    {
        if (run.Count == 0 || run[0] != "tree")
        {
            throw new InvalidOperationException("runs must start with `tree`");
        }

        var packages = new List<string>();
        var features = new List<string>();
        var edges = new List<string>();
        var targets = new List<string>();
        bool workspace = false, all = false, noDefault = false;
        for (var i = 1; i < run.Count; i++)
        {
            switch (run[i])
            {
                case "-p" or "--package":
                    packages.Add(run[++i]);
                    break;
                case "--workspace":
                    workspace = true;
                    break;
                case "-F" or "--features":
                    features.Add(run[++i]);
                    break;
                case "--all-features":
                    all = true;
                    break;
                case "--no-default-features":
                    noDefault = true;
                    break;
                case "-e" or "--edges":
                    edges.AddRange(run[++i].Split(','));
                    break;
                case "--target":
                    targets.Add(run[++i]);
                    break;
                default:
                    throw new InvalidOperationException($"unsupported tree argument `{run[i]}`");
            }
        }

        // Cargo's `parse_edge_kinds`: no dependency kind named means all three, minus `no-*`.
        if (edges.Count == 0)
        {
            edges.AddRange(["normal", "build", "dev"]);
        }

        var graphFeatures = edges.Contains("features") || edges.Contains("all");
        var kinds = new HashSet<DependencyKind>();
        var named = edges.Where(e => e is "normal" or "build" or "dev").ToList();
        if (named.Count == 0 || edges.Contains("all"))
        {
            kinds.UnionWith([DependencyKind.Normal, DependencyKind.Build, DependencyKind.Development]);
        }

        foreach (var e in edges)
        {
            switch (e)
            {
                case "normal":
                    kinds.Add(DependencyKind.Normal);
                    break;
                case "build":
                    kinds.Add(DependencyKind.Build);
                    break;
                case "dev":
                    kinds.Add(DependencyKind.Development);
                    break;
                case "no-normal":
                    kinds.Remove(DependencyKind.Normal);
                    break;
                case "no-build":
                    kinds.Remove(DependencyKind.Build);
                    break;
                case "no-dev":
                    kinds.Remove(DependencyKind.Development);
                    break;
            }
        }

        return new TreeArgs(packages, workspace, features, all, noDefault, kinds, graphFeatures, targets);
    }
}
