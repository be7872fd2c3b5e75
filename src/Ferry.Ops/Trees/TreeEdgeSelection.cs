using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Trees;

/// <summary>
/// What <c>-e/--edges</c> selects (Cargo's <c>parse_edge_kinds</c>): the dependency kinds shown,
/// whether feature nodes are, and the <c>no-proc-macro</c> and <c>public</c> filters.
/// </summary>
internal sealed record TreeEdgeSelection(ImmutableHashSet<DependencyKind> Kinds, bool Features, bool NoProcMacro, bool Public)
{
    public bool Includes(DependencyKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// Reads the <c>-e</c> values (clap has checked each is a known kind). No kind named means all
    /// three; a <c>no-*</c> value removes one from all three and may not be mixed with named kinds.
    /// </summary>
    public static TreeEdgeSelection Parse(IReadOnlyList<string> values, bool noDevDependencies, bool unstableOptions, IShell shell)
    {
        var noProcMacro = false;
        var isPublic = false;
        var kinds = new List<string>();
        foreach (var value in values)
        {
            if (value == "no-proc-macro")
            {
                noProcMacro = true;
            }
            else if (value == "public")
            {
                isPublic = true;
            }
            else
            {
                kinds.Add(value);
            }
        }

        if (noDevDependencies)
        {
            shell.Warn("the --no-dev-dependencies flag has changed to -e=no-dev");
            kinds.Add("no-dev");
        }

        if (kinds.Count == 0)
        {
            kinds.AddRange(["normal", "build", "dev"]);
        }

        if (isPublic && !unstableOptions)
        {
            throw new FerryException("`--edges public` requires `-Zunstable-options`");
        }

        var all = ImmutableHashSet.Create(DependencyKind.Normal, DependencyKind.Build, DependencyKind.Development);
        if (kinds.Any(k => k.StartsWith("no-", StringComparison.Ordinal)))
        {
            var result = all;
            var features = false;
            foreach (var kind in kinds)
            {
                switch (kind)
                {
                    case "no-normal":
                        result = result.Remove(DependencyKind.Normal);
                        break;
                    case "no-build":
                        result = result.Remove(DependencyKind.Build);
                        break;
                    case "no-dev":
                        result = result.Remove(DependencyKind.Development);
                        break;
                    case "features":
                        features = true;
                        break;
                    default:
                        throw new FerryException(
                            $"`{kind}` dependency kind cannot be mixed with \"no-normal\", \"no-build\", or \"no-dev\" dependency kinds");
                }
            }

            return new TreeEdgeSelection(result, features, noProcMacro, isPublic);
        }

        var selected = ImmutableHashSet<DependencyKind>.Empty;
        var withFeatures = false;
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case "all":
                    selected = selected.Union(all);
                    withFeatures = true;
                    break;
                case "features":
                    withFeatures = true;
                    break;
                case "normal":
                    selected = selected.Add(DependencyKind.Normal);
                    break;
                case "build":
                    selected = selected.Add(DependencyKind.Build);
                    break;
                case "dev":
                    selected = selected.Add(DependencyKind.Development);
                    break;
                default:
                    throw new InvalidOperationException($"`{kind}` was validated by the command line");
            }
        }

        if (kinds is ["features"])
        {
            selected = all;
        }

        return new TreeEdgeSelection(selected, withFeatures, noProcMacro, isPublic);
    }
}
