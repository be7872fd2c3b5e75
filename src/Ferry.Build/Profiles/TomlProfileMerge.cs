using Ferry.Core.Manifest.Schema;

namespace Ferry.Build.Profiles;

/// <summary>Cargo's <c>TomlProfile::merge</c>: every setting of the overlay wins; package and build-override tables merge key by key.</summary>
internal static class TomlProfileMerge
{
    public static TomlProfile Merge(TomlProfile self, TomlProfile overlay)
    {
        var merged = self with
        {
            OptLevel = overlay.OptLevel ?? self.OptLevel,
            Lto = overlay.Lto ?? self.Lto,
            CodegenBackend = overlay.CodegenBackend ?? self.CodegenBackend,
            CodegenUnits = overlay.CodegenUnits ?? self.CodegenUnits,
            Debug = overlay.Debug ?? self.Debug,
            DebugAssertions = overlay.DebugAssertions ?? self.DebugAssertions,
            SplitDebuginfo = overlay.SplitDebuginfo ?? self.SplitDebuginfo,
            Rpath = overlay.Rpath ?? self.Rpath,
            Panic = overlay.Panic ?? self.Panic,
            OverflowChecks = overlay.OverflowChecks ?? self.OverflowChecks,
            Incremental = overlay.Incremental ?? self.Incremental,
            Inherits = overlay.Inherits ?? self.Inherits,
            DirName = overlay.DirName ?? self.DirName,
            Strip = overlay.Strip ?? self.Strip,
            Rustflags = overlay.Rustflags ?? self.Rustflags,
            TrimPaths = overlay.TrimPaths ?? self.TrimPaths,
            HintMostlyUnused = overlay.HintMostlyUnused ?? self.HintMostlyUnused,
        };

        if (overlay.Package is { } otherPackages)
        {
            if (self.Package is { } selfPackages)
            {
                var list = selfPackages.ToList();
                foreach (var (spec, profile) in otherPackages)
                {
                    var index = list.FindIndex(pair => pair.Key == spec);
                    if (index >= 0)
                    {
                        list[index] = new(spec, Merge(list[index].Value, profile));
                    }
                    else
                    {
                        list.Add(new(spec, profile));
                    }
                }

                merged = merged with { Package = [.. list] };
            }
            else
            {
                merged = merged with { Package = otherPackages };
            }
        }

        if (overlay.BuildOverride is { } otherOverride)
        {
            merged = merged with { BuildOverride = self.BuildOverride is { } selfOverride ? Merge(selfOverride, otherOverride) : otherOverride };
        }

        return merged;
    }
}
