using Ferry.Build.Profiles;

namespace Ferry.Build.Units;

/// <summary>
/// Decides per unit what LTO needs from it (Cargo's <c>lto::generate</c>): a root with a linkable
/// final artifact runs LTO; its dependencies then only need bitcode, or both bitcode and objects
/// when something else needs their objects. Without LTO every unit skips embedding bitcode.
/// </summary>
internal static class UnitLto
{
    public static Dictionary<Unit, LtoMode> Generate(UnitGraph graph)
    {
        var map = new Dictionary<Unit, LtoMode>();
        foreach (var root in graph.Roots)
        {
            var crateTypes = root.Target.CrateTypes;
            LtoMode rootLto;
            if (root.Profile.Lto.IsFalse)
            {
                rootLto = new(LtoKind.OnlyObject);
            }
            else if (root.Profile.Lto.IsOff)
            {
                rootLto = new(LtoKind.Off);
            }
            else if (root.Target.ForHost)
            {
                rootLto = new(LtoKind.OnlyObject);
            }
            else if (NeedsObject(crateTypes))
            {
                rootLto = WhenNeedsObject(crateTypes);
            }
            else
            {
                rootLto = new(LtoKind.OnlyBitcode);
            }

            Calculate(graph, map, root, rootLto);
        }

        return map;
    }

    private static bool NeedsObject(IEnumerable<string> crateTypes) => crateTypes.Any(t => CrateTypes.CanLto(t) || CrateTypes.IsDynamic(t));

    private static LtoMode WhenNeedsObject(IEnumerable<string> crateTypes) =>
        crateTypes.All(t => t == "dylib") ? new(LtoKind.OnlyObject) : new(LtoKind.ObjectAndBitcode);

    private static void Calculate(UnitGraph graph, Dictionary<Unit, LtoMode> map, Unit root, LtoMode rootLto)
    {
        var stack = new Stack<(Unit Unit, LtoMode Parent)>();
        stack.Push((root, rootLto));
        while (stack.TryPop(out var item))
        {
            var (unit, parent) = item;
            IReadOnlyList<string> crateTypes = unit.Mode.IsAnyTest() ? ["bin"] : unit.Target.CrateTypes;
            var allLto = crateTypes.All(CrateTypes.CanLto);
            LtoMode lto;
            if (unit.Target.ForHost)
            {
                lto = new(LtoKind.OnlyObject);
            }
            else if (allLto)
            {
                var profileLto = unit.Profile.Lto;
                lto = profileLto.Named is { } named ? new(LtoKind.Run, named)
                    : profileLto.IsOff ? new(LtoKind.Off)
                    : profileLto.IsTrue ? new(LtoKind.Run)
                    : new(LtoKind.OnlyObject);
            }
            else
            {
                var needsObject = NeedsObject(crateTypes);
                lto = (parent.Kind, needsObject) switch
                {
                    (LtoKind.Run, false) => new(LtoKind.OnlyBitcode),
                    (LtoKind.Run, true) or (LtoKind.OnlyBitcode, true) => WhenNeedsObject(crateTypes),
                    (LtoKind.Off, _) => new(LtoKind.Off),
                    _ => parent,
                };
            }

            if (map.TryGetValue(unit, out var existing))
            {
                var merged = (lto.Kind, existing.Kind) switch
                {
                    (LtoKind.OnlyBitcode, LtoKind.OnlyBitcode) => new LtoMode(LtoKind.OnlyBitcode),
                    (LtoKind.OnlyObject, LtoKind.OnlyObject) => new LtoMode(LtoKind.OnlyObject),
                    (LtoKind.Run, _) => lto,
                    (_, LtoKind.Run) => existing,
                    (LtoKind.Off, _) or (_, LtoKind.Off) => new LtoMode(LtoKind.Off),
                    _ => new LtoMode(LtoKind.ObjectAndBitcode),
                };
                if (merged == existing)
                {
                    continue;
                }

                lto = merged;
            }

            map[unit] = lto;
            foreach (var dep in graph.Deps(unit))
            {
                stack.Push((dep.Unit, lto));
            }
        }
    }
}
