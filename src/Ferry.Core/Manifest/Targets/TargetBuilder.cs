using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Second phase, Cargo's <c>to_targets</c> plus the target checks of <c>to_real_manifest</c>:
/// turns normalized tables into <see cref="Target"/>s with each kind's defaults, then applies the
/// package-wide rules (at least one real target, <c>links</c> needs a build script, one source
/// file used by several targets).
/// </summary>
internal static class TargetBuilder
{
    public static TargetDiscoveryResult Build(TargetDiscoveryInput input, NormalizedTargets normalized)
    {
        var warnings = new List<string>(normalized.Warnings);
        var edition = Editions.Display(Editions.ParsePackage(input.Edition));
        var root = input.PackageRoot;
        var targets = new List<Target>(
            (normalized.Lib is null ? 0 : 1) + normalized.Bins.Length + normalized.Examples.Length
            + normalized.Tests.Length + normalized.Benches.Length + normalized.BuildScripts.Length);

        if (normalized.Lib is { } lib)
        {
            targets.Add(LibTarget(lib, input.Lib, root, edition, warnings));
        }

        foreach (var bin in normalized.Bins)
        {
            if (bin.Filename is not null)
            {
                input.Features.Require("different-binary-name", "reference/unstable.html#different-binary-name");
            }
        }

        TargetValidation.UniqueNames(normalized.Bins, TargetKinds.BinHuman);
        foreach (var bin in normalized.Bins)
        {
            var target = new Target
            {
                Kind = TargetKind.Bin,
                Name = bin.Name!,
                SrcPath = TargetPaths.Resolve(root, bin.Path!),
                CrateTypes = ["bin"],
                Edition = edition,
                Documented = true,
                RequiredFeatures = bin.RequiredFeatures,
                BinaryFilename = bin.Filename,
            };
            targets.Add(Configure(bin, target, TargetKinds.BinHuman, warnings));
        }

        TargetValidation.UniqueNames(normalized.Examples, TargetKinds.Example);
        foreach (var example in normalized.Examples)
        {
            var crateTypes = MapCrateTypes(example.CrateTypes ?? []);
            var isBin = true;
            foreach (var crateType in crateTypes)
            {
                isBin &= crateType == "bin";
            }

            var target = new Target
            {
                Kind = isBin ? TargetKind.ExampleBin : TargetKind.ExampleLib,
                Name = example.Name!,
                SrcPath = TargetPaths.Resolve(root, example.Path!),
                CrateTypes = isBin ? ["bin"] : crateTypes,
                Edition = edition,
                RequiredFeatures = example.RequiredFeatures,
                Tested = false,
                Benched = false,
            };
            targets.Add(Configure(example, target, TargetKinds.ExampleHuman, warnings));
        }

        TargetValidation.UniqueNames(normalized.Tests, TargetKinds.Test);
        foreach (var test in normalized.Tests)
        {
            var target = new Target
            {
                Kind = TargetKind.Test,
                Name = test.Name!,
                SrcPath = TargetPaths.Resolve(root, test.Path!),
                CrateTypes = ["bin"],
                Edition = edition,
                RequiredFeatures = test.RequiredFeatures,
                Benched = false,
            };
            targets.Add(Configure(test, target, TargetKinds.TestHuman, warnings));
        }

        TargetValidation.UniqueNames(normalized.Benches, TargetKinds.Bench);
        foreach (var bench in normalized.Benches)
        {
            var target = new Target
            {
                Kind = TargetKind.Bench,
                Name = bench.Name!,
                SrcPath = TargetPaths.Resolve(root, bench.Path!),
                CrateTypes = ["bin"],
                Edition = edition,
                RequiredFeatures = bench.RequiredFeatures,
                Tested = false,
            };
            targets.Add(Configure(bench, target, TargetKinds.BenchHuman, warnings));
        }

        AddBuildScripts(normalized.BuildScripts, root, edition, targets);
        CheckPackage(input, targets, warnings);
        return new TargetDiscoveryResult([.. targets], [.. warnings], normalized.Errors);
    }

    private static Target LibTarget(TomlTarget lib, TomlTarget? declared, string root, string edition, List<string> warnings)
    {
        ImmutableArray<string> crateTypes;
        if (lib.CrateTypes is { } declaredTypes)
        {
            if (declaredTypes.Contains("dylib") && declaredTypes.Contains("cdylib"))
            {
                throw new FerryException($"library `{lib.Name}` cannot set the crate type of both `dylib` and `cdylib`");
            }

            if (declaredTypes.Contains("proc-macro"))
            {
                warnings.Add($"library `{lib.Name}` should only specify `proc-macro = true` instead of setting `crate-type`");
                if (declaredTypes.Length > 1)
                {
                    throw new FerryException("cannot mix `proc-macro` crate type with others");
                }

                crateTypes = ["proc-macro"];
            }
            else
            {
                crateTypes = MapCrateTypes(declaredTypes);
            }
        }
        else
        {
            crateTypes = lib.EffectiveProcMacro == true ? ["proc-macro"] : ["lib"];
        }

        var target = new Target
        {
            Kind = TargetKind.Lib,
            Name = lib.Name!,
            SrcPath = TargetPaths.Resolve(root, lib.Path!),
            CrateTypes = crateTypes,
            Edition = edition,
            Documented = true,
            Doctested = true,
            NameInferred = declared?.Name is null,
        };
        return Configure(lib, target, TargetKinds.LibHuman, warnings);
    }

    /// <summary>Cargo parses crate types into an enum whose only respelling is <c>procmacro</c>.</summary>
    private static ImmutableArray<string> MapCrateTypes(ImmutableArray<string> declared)
    {
        if (!declared.Contains("procmacro"))
        {
            return declared;
        }

        var mapped = ImmutableArray.CreateBuilder<string>(declared.Length);
        foreach (var crateType in declared)
        {
            mapped.Add(crateType == "procmacro" ? "proc-macro" : crateType);
        }

        return mapped.MoveToImmutable();
    }

    /// <summary>Cargo's <c>configure</c>: the table's own settings over the kind's defaults.</summary>
    private static Target Configure(TomlTarget toml, Target target, string kindHuman, List<string> warnings)
    {
        var procMacro = toml.EffectiveProcMacro;
        target = target with
        {
            Tested = toml.Test ?? target.Tested,
            Documented = toml.Doc ?? target.Documented,
            Doctested = toml.Doctest ?? target.Doctested,
            Benched = toml.Bench ?? target.Benched,
            Harness = toml.Harness ?? target.Harness,
            ProcMacro = procMacro ?? target.ProcMacro,
            DocScrapeExamples = toml.DocScrapeExamples,
            ForHost = procMacro ?? target.ForHost,
        };

        if (toml.Edition is { } edition)
        {
            warnings.Add($"`edition` is set on {kindHuman} `{target.Name}` which is deprecated");
            int parsed;
            try
            {
                parsed = Editions.Parse(edition);
            }
            catch (FerryException e)
            {
                throw new FerryException("failed to parse the `edition` key", e);
            }

            target = target with { Edition = Editions.Display(parsed) };
        }

        return target;
    }

    private static void AddBuildScripts(ImmutableArray<string> scripts, string root, string edition, List<Target> targets)
    {
        if (scripts.Length > 1)
        {
            UniqueBuildScriptStems(scripts);
        }

        foreach (var script in scripts)
        {
            targets.Add(new Target
            {
                Kind = TargetKind.CustomBuild,
                Name = "build-script-" + TargetPaths.FileStem(script),
                SrcPath = TargetPaths.Resolve(root, script),
                CrateTypes = ["bin"],
                Edition = edition,
                ForHost = true,
                Benched = false,
                Tested = false,
                DocScrapeExamples = false,
            });
        }
    }

    /// <summary>Build scripts' artifacts are named after their file stems, so those must differ.</summary>
    private static void UniqueBuildScriptStems(ImmutableArray<string> scripts)
    {
        var byStem = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var script in scripts)
        {
            var stem = TargetPaths.FileStem(script)!;
            if (!byStem.TryGetValue(stem, out var paths))
            {
                byStem[stem] = paths = [];
                order.Add(stem);
            }

            paths.Add(script);
        }

        var message = new System.Text.StringBuilder(
            "found build scripts with duplicate file stems, but all build scripts must have a unique file stem");
        var conflict = false;
        foreach (var stem in order)
        {
            // Cargo walks a hash map here, so its order among several stems is arbitrary; ours is first use.
            if (byStem[stem].Count > 1)
            {
                conflict = true;
                message.Append("\n  for stem `").Append(stem).Append("`: ").Append(string.Join(", ", byStem[stem]));
            }
        }

        if (conflict)
        {
            throw new FerryException(message.ToString());
        }
    }

    private static void CheckPackage(TargetDiscoveryInput input, List<Target> targets, List<string> warnings)
    {
        var hasBuildScript = false;
        var hasOther = false;
        foreach (var target in targets)
        {
            hasBuildScript |= target.IsCustomBuild;
            hasOther |= !target.IsCustomBuild;
        }

        if (!hasOther)
        {
            throw new FerryException(
                "no targets specified in the manifest\neither src/lib.rs, src/main.rs, a [lib] section, or [[bin]] section must be present");
        }

        SharedSourceFiles(targets, warnings);

        if (input.Links is { } links && !hasBuildScript)
        {
            throw new FerryException($"package specifies that it links to `{links}` but does not have a custom build script");
        }
    }

    /// <summary>The "found to be present in multiple build targets" warning, one per shared file.</summary>
    private static void SharedSourceFiles(List<Target> targets, List<string> warnings)
    {
        var byFile = new Dictionary<string, List<Target>>(targets.Count, StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var target in targets)
        {
            var key = TargetPaths.ComponentKey(target.SrcPath);
            if (!byFile.TryGetValue(key, out var sharing))
            {
                byFile[key] = sharing = [];
                order.Add(key);
            }

            sharing.Add(target);
        }

        // Cargo iterates a hash map, so with several shared files its order varies; ours is first use.
        foreach (var key in order)
        {
            var sharing = byFile[key];
            if (sharing.Count < 2)
            {
                continue;
            }

            var message = new System.Text.StringBuilder("file `").Append(sharing[0].SrcPath).Append("` found to be present in multiple build targets:");
            foreach (var target in sharing)
            {
                message.Append("\n  * `").Append(target.KindDescription).Append("` target `").Append(target.Name).Append('`');
            }

            warnings.Add(message.ToString());
        }
    }
}
