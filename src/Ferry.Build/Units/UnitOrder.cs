using Ferry.Core.Manifest.Targets;

namespace Ferry.Build.Units;

/// <summary>
/// Cargo's derived ordering of units (package id, then target kind and name, then mode, then
/// compile kind): it decides the order of <c>--extern</c> arguments and of root units, which shows
/// in <c>-v</c> output.
/// </summary>
public static class UnitOrder
{
    public static int Compare(Unit a, Unit b)
    {
        var c = a.Package.Id.CompareTo(b.Package.Id);
        if (c != 0)
        {
            return c;
        }

        c = KindRank(a.Target.Kind).CompareTo(KindRank(b.Target.Kind));
        if (c != 0)
        {
            return c;
        }

        // `Lib(Vec<CrateType>)` and `ExampleLib(..)` carry their crate types, compared before the name.
        if (a.Target.Kind is TargetKind.Lib or TargetKind.ExampleLib)
        {
            c = CompareCrateTypes(a.Target.CrateTypes, b.Target.CrateTypes);
            if (c != 0)
            {
                return c;
            }
        }

        c = string.CompareOrdinal(a.Target.Name, b.Target.Name);
        if (c != 0)
        {
            return c;
        }

        c = ModeRank(a.Mode).CompareTo(ModeRank(b.Mode));
        if (c != 0)
        {
            return c;
        }

        c = a.Kind.CompareTo(b.Kind);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }

    /// <summary>Rust's ordering of <c>Vec&lt;CrateType&gt;</c>: element by element in <c>CrateType</c>'s declaration order, a prefix first.</summary>
    private static int CompareCrateTypes(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = CrateTypeRank(a[i]).CompareTo(CrateTypeRank(b[i]));
            if (c == 0 && CrateTypeRank(a[i]) == 7)
            {
                c = string.CompareOrdinal(a[i], b[i]);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int CrateTypeRank(string crateType) => crateType switch
    {
        "bin" => 0,
        "lib" => 1,
        "rlib" => 2,
        "dylib" => 3,
        "cdylib" => 4,
        "staticlib" => 5,
        "proc-macro" => 6,
        _ => 7,
    };

    /// <summary>Cargo's <c>TargetKind</c> declaration order.</summary>
    private static int KindRank(TargetKind kind) => kind switch
    {
        TargetKind.Lib => 0,
        TargetKind.Bin => 1,
        TargetKind.Test => 2,
        TargetKind.Bench => 3,
        TargetKind.ExampleLib => 4,
        TargetKind.ExampleBin => 5,
        _ => 6,
    };

    /// <summary>Cargo's <c>CompileMode</c> declaration order.</summary>
    private static int ModeRank(CompileMode mode) => mode switch
    {
        CompileMode.Test => 0,
        CompileMode.Build => 1,
        CompileMode.Check => 2,
        CompileMode.CheckTest => 3,
        CompileMode.Doc => 4,
        CompileMode.Doctest => 5,
        _ => 6,
    };
}
