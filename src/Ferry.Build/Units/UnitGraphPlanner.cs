using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>Plans the whole unit graph from root units: dependencies, then sharing of host units, then LTO per unit.</summary>
public static class UnitGraphPlanner
{
    /// <param name="toHost">The explicit host kind the roots were planned with when no <c>--target</c> was given; null when cross-compiling.</param>
    /// <param name="docDeps"><c>cargo doc</c> without <c>--no-deps</c>: dependencies are documented, and duplicate doc units removed.</param>
    public static (UnitGraph Graph, IReadOnlyDictionary<Unit, LtoMode> Lto) Plan(BuildContext bcx, IReadOnlyList<Unit> roots, CompileKind? toHost, bool rustcTest = false, bool docDeps = false)
    {
        var plan = UnitDependencies.Build(bcx, roots, rustcTest, docDeps);
        if (docDeps)
        {
            DuplicateDocs.Remove(plan, roots, requestedAllHost: toHost is not null);
        }

        var graph = UnitSharing.Rebuild(bcx.Interner, plan, roots, toHost);
        return (graph, UnitLto.Generate(graph));
    }
}
