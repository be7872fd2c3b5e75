using System.Collections.Immutable;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>
/// Cargo's <c>extra_compiler_args</c>: what a root unit gets beyond its own flags. The command
/// line's extra arguments (<c>cargo rustc -- ARGS</c>), then, for root doc units of binaries (or
/// all of them with <c>--document-private-items</c>), <c>--document-private-items</c>; binaries
/// also silence <c>rustdoc::private-intra-doc-links</c>. They go into the unit's id (so its
/// fingerprint directory) and fingerprint as well as its command line.
/// </summary>
public static class RootExtraArgs
{
    public static ImmutableArray<string> For(Unit unit, bool isRoot, ImmutableArray<string> extraArgs, bool documentPrivateItems)
    {
        if (!isRoot)
        {
            return [];
        }

        var args = extraArgs.IsDefault ? [] : extraArgs;
        if (unit.Mode == CompileMode.Doc && (documentPrivateItems || unit.Target.IsBin))
        {
            args = args.Add("--document-private-items");
            if (unit.Target.IsBin)
            {
                args = args.Add("-Arustdoc::private-intra-doc-links");
            }
        }

        return args;
    }
}
