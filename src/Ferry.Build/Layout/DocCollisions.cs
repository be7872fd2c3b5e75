using Ferry.Build.Units;
using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Layout;

/// <summary>
/// The doc part of Cargo's <c>check_collisions</c>: two documented libraries (or two binaries) of
/// the selected packages with one crate name are an error, and any two doc units writing the same
/// <c>index.html</c> get a warning (rustdoc would overwrite one with the other).
/// </summary>
public static class DocCollisions
{
    private const string RustdocNote = "this is a known bug where multiple crates with the same name use the same path; see <https://github.com/rust-lang/cargo/issues/6313>";

    public static void Check(UnitGraph graph, CompilationFiles files, IReadOnlySet<PackageId> primary, IShell shell)
    {
        var units = graph.Units.Where(u => u.Mode == CompileMode.Doc).ToList();
        units.Sort(UnitOrder.Compare);
        var libs = new Dictionary<(string, Resolver.Features.CompileKind), Unit>();
        var bins = new Dictionary<(string, Resolver.Features.CompileKind), Unit>();
        var outputs = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (primary.Contains(unit.Package.Id))
            {
                var seen = unit.Target.IsLib ? libs : bins;
                if (seen.TryGetValue((unit.CrateName, unit.Kind), out var previous))
                {
                    throw new FerryException(
                        $"document output filename collision\nThe {unit.Target.KindDescription} `{unit.Target.Name}` in package `{unit.Package.Id}` has the same name as the {previous.Target.KindDescription} `{previous.Target.Name}` in package `{previous.Package.Id}`.\n" +
                        "Only one may be documented at once since they output to the same path.\nConsider documenting only one, renaming one, or marking one with `doc = false` in Cargo.toml.");
                }

                seen[(unit.CrateName, unit.Kind)] = unit;
            }

            foreach (var output in files.Outputs(unit))
            {
                if (outputs.TryGetValue(output.Path, out var other))
                {
                    shell.WarnReport(
                        $"output filename collision at {output.Path}",
                        [
                            $"the {unit.Target.KindDescription} target `{unit.Target.Name}` in package `{unit.Package.Id}` has the same output filename as the {other.Target.KindDescription} target `{other.Target.Name}` in package `{other.Package.Id}`",
                            RustdocNote,
                        ]);
                }

                outputs[output.Path] = unit;
            }
        }
    }
}
