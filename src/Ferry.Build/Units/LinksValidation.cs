using System.Text;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Units;

/// <summary>Cargo's <c>validate_links</c>: two packages of one build may not link the same native library.</summary>
internal static class LinksValidation
{
    public static void Validate(BuildContext bcx, Dictionary<Unit, List<UnitDep>> graph)
    {
        var validated = new HashSet<PackageId>();
        var links = new Dictionary<string, PackageId>(StringComparer.Ordinal);
        foreach (var unit in graph.Keys.OrderBy(u => u.Package.Id))
        {
            if (!validated.Add(unit.Package.Id) || unit.Package.Manifest.Links is not { } lib)
            {
                continue;
            }

            if (links.TryGetValue(lib, out var previous))
            {
                throw new FerryException(
                    $"multiple packages link to native library `{lib}`, but a native library can be linked only once\n\n" +
                    $"{DescribePath(bcx.Resolve, previous)}\nlinks to native library `{lib}`\n\n" +
                    $"{DescribePath(bcx.Resolve, unit.Package.Id)}\nalso links to native library `{lib}`");
            }

            links[lib] = unit.Package.Id;
        }
    }

    /// <summary>Cargo's <c>describe_path</c> over <c>path_to_top</c>: the package, then who depends on it, up to a root.</summary>
    private static string DescribePath(Resolve resolve, PackageId package)
    {
        var text = new StringBuilder($"package `{package}`");
        var seen = new HashSet<PackageId> { package };
        var current = package;
        while (true)
        {
            var parent = resolve.Packages
                .Where(p => !seen.Contains(p))
                .SelectMany(p => resolve.Dependencies(p).Where(e => e.Target == current).Select(e => (p, e.Declarations[0])))
                .OrderBy(pair => pair.p)
                .FirstOrDefault();
            if (parent.p is null)
            {
                break;
            }

            var dep = parent.Item2;
            var requirement = dep.Source.Kind is SourceKind.Path or SourceKind.Git ? dep.NameInToml : $"{dep.NameInToml} = \"{dep.Req}\"";
            text.Append($"\n    ... which satisfies {(dep.Source.Kind == SourceKind.Path ? "path " : dep.Source.Kind == SourceKind.Git ? "git " : string.Empty)}dependency `{requirement}` of package `{parent.p}`");
            seen.Add(parent.p);
            current = parent.p;
        }

        return text.ToString();
    }
}
