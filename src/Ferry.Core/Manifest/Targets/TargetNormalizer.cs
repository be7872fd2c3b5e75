using System.Collections.Immutable;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// First phase of target handling, Cargo's <c>normalize_lib</c> / <c>normalize_bins</c> / ... /
/// <c>normalize_build</c>: merges the declared target tables with what auto-discovery finds on
/// disk and gives every target a name and a path.
/// </summary>
/// <remarks>
/// The shape follows Cargo closely on purpose, because the observable details fall out of it:
/// which checks run before which (the first failure wins), which problems fail at once and which
/// are deferred, when lists get sorted by name (not when every target is fully declared and
/// discovery is off), and the edition-2015 fallbacks with their warnings. Each kind is handled
/// in the order Cargo handles it: build script, lib, bins, examples, tests, benches.
/// </remarks>
internal static class TargetNormalizer
{
    private const string ExamplesDirectory = "examples";
    private const string TestsDirectory = "tests";
    private const string BenchesDirectory = "benches";

    public static NormalizedTargets Normalize(TargetDiscoveryInput input)
    {
        var warnings = new List<string>();
        var errors = new List<string>();
        var edition = Editions.ParsePackage(input.Edition);
        var root = input.PackageRoot;

        // package.build is normalized with the rest of [package], before any target table.
        var build = NormalizeBuild(input);
        var lib = NormalizeLib(input, edition, warnings);
        var bins = NormalizeBins(input, edition, warnings, errors, hasLib: lib is not null);
        var examples = NormalizeOthers(
            input.Examples, ExamplesDirectory, root, edition, input.AutoExamples,
            TargetKinds.ExampleHuman, TargetKinds.Example, "autoexamples", warnings, errors);
        var tests = NormalizeOthers(
            input.Tests, TestsDirectory, root, edition, input.AutoTests,
            TargetKinds.TestHuman, TargetKinds.Test, "autotests", warnings, errors);
        var benches = NormalizeOthers(
            input.Benches, BenchesDirectory, root, edition, input.AutoBenches,
            TargetKinds.BenchHuman, TargetKinds.Bench, "autobenches", warnings, errors);

        return new NormalizedTargets(lib, bins, examples, tests, benches, build, [.. warnings], [.. errors]);
    }

    private static ImmutableArray<string> NormalizeBuild(TargetDiscoveryInput input)
    {
        const string buildRs = "build.rs";
        var build = input.Build;
        if (build is null)
        {
            // A build.rs file (not a directory) beside Cargo.toml is the build script.
            return TargetPaths.IsFile(TargetPaths.Resolve(input.PackageRoot, buildRs)) ? [buildRs] : [];
        }

        switch (build.Kind)
        {
            case PackageBuildKind.Auto:
                // `build = true` names build.rs whether or not it exists; the build reports a missing file.
                return build.Enabled ? [buildRs] : [];
            case PackageBuildKind.Script:
                ValidateBuildName(build.Scripts[0]);
                return [TargetPaths.Normalize(build.Scripts[0])];
            default:
                input.Features.Require("multiple-build-scripts", "reference/unstable.html#multiple-build-scripts");
                foreach (var script in build.Scripts)
                {
                    ValidateBuildName(script);
                }

                // Cargo keeps a list of scripts as written (no lexical normalization).
                return build.Scripts;
        }
    }

    /// <summary>
    /// A script path without a file name (<c>""</c>, <c>".."</c>) makes Cargo 1.95 panic; later Cargo
    /// versions report this error instead, and so does Ferry.
    /// </summary>
    private static void ValidateBuildName(string script)
    {
        if (TargetPaths.FileStem(script) is null)
        {
            throw new FerryException("invalid `package.build` file name");
        }
    }

    private static TomlTarget? NormalizeLib(TargetDiscoveryInput input, int edition, List<string> warnings)
    {
        var declared = input.Lib;
        if (input.AutoLib == false && (declared is null || (declared.Name is not null && declared.Path is not null)))
        {
            // Fully declared with discovery off: validate and take it as written.
            if (declared is null)
            {
                return null;
            }

            ValidateLib(declared, edition, warnings);
            return declared with { Path = TargetPaths.Normalize(declared.Path!) };
        }

        var root = input.PackageRoot;
        var inferred = TargetPaths.Join("src", "lib.rs");
        var hasInferred = TargetPaths.Exists(TargetPaths.Resolve(root, inferred));
        var lib = declared ?? (hasInferred ? new TomlTarget { Path = inferred } : null);
        if (lib is null)
        {
            return null;
        }

        lib = lib with { Name = lib.Name ?? input.PackageName.Replace('-', '_') };
        ValidateLib(lib, edition, warnings);

        var path = lib.Path;
        if (path is null)
        {
            if (hasInferred)
            {
                path = inferred;
            }
            else
            {
                var legacy = TargetPaths.Join("src", lib.Name + ".rs");
                if (edition == Editions.E2015 && TargetPaths.Exists(TargetPaths.Resolve(root, legacy)))
                {
                    warnings.Add(
                        $"path `{legacy}` was erroneously implicitly accepted for library `{lib.Name}`,\n"
                        + "please rename the file to `src/lib.rs` or set lib.path in Cargo.toml");
                    path = legacy;
                }
                else
                {
                    throw new FerryException($"can't find library `{lib.Name}`, rename file to `src/lib.rs` or specify lib.path");
                }
            }
        }

        return lib with { Path = TargetPaths.Normalize(path) };
    }

    private static void ValidateLib(TomlTarget lib, int edition, List<string> warnings)
    {
        TargetValidation.LibName(lib, warnings);
        TargetValidation.ProcMacroSpelling(lib, TargetKinds.LibHuman, edition, warnings);
        TargetValidation.CrateTypeSpelling(lib, TargetKinds.LibHuman, edition, warnings);
    }

    private static ImmutableArray<TomlTarget> NormalizeBins(
        TargetDiscoveryInput input, int edition, List<string> warnings, List<string> errors, bool hasLib)
    {
        var root = input.PackageRoot;
        if (AreFullyDeclared(input.Bins, input.AutoBins))
        {
            var declared = input.Bins ?? [];
            var result = ImmutableArray.CreateBuilder<TomlTarget>(declared.Length);
            foreach (var bin in declared)
            {
                ValidateBin(bin, edition, warnings, errors);
                result.Add(bin with { Path = TargetPaths.Normalize(bin.Path!) });
            }

            return result.MoveToImmutable();
        }

        var inferred = TargetDirectoryScan.Bins(root, input.PackageName);
        var bins = MergeWithInferred(
            input.Bins, inferred, root, input.AutoBins, edition, warnings, TargetKinds.BinHuman, TargetKinds.Bin, "autobins");
        var normalized = ImmutableArray.CreateBuilder<TomlTarget>(bins.Count);
        foreach (var bin in bins)
        {
            ValidateBin(bin, edition, warnings, errors);
            var path = ResolvePath(bin, inferred, TargetKinds.Bin, root, edition, hasLib, warnings, out var error);
            if (path is null)
            {
                throw new FerryException(error!);
            }

            normalized.Add(bin with { Path = TargetPaths.Normalize(path) });
        }

        return normalized.MoveToImmutable();
    }

    private static void ValidateBin(TomlTarget bin, int edition, List<string> warnings, List<string> errors)
    {
        TargetValidation.BinName(bin, warnings);
        TargetValidation.BinCrateTypes(bin, edition, warnings, errors);
        TargetValidation.BinProcMacro(bin, edition, warnings, errors);
    }

    /// <summary>Examples, tests and benches: unlike binaries, a missing file is a deferred error.</summary>
    private static ImmutableArray<TomlTarget> NormalizeOthers(
        ImmutableArray<TomlTarget>? declared,
        string directory,
        string root,
        int edition,
        bool? autodiscover,
        string kindHuman,
        string kind,
        string autodiscoverKey,
        List<string> warnings,
        List<string> errors)
    {
        if (AreFullyDeclared(declared, autodiscover))
        {
            var targets = declared ?? [];
            var result = ImmutableArray.CreateBuilder<TomlTarget>(targets.Length);
            foreach (var target in targets)
            {
                ValidateOther(target, kindHuman, kind, edition, warnings);
                result.Add(target with { Path = TargetPaths.Normalize(target.Path!) });
            }

            return result.MoveToImmutable();
        }

        // Listed only when something is left to infer, as Cargo does.
        var inferred = TargetDirectoryScan.Scan(root, directory);
        var merged = MergeWithInferred(declared, inferred, root, autodiscover, edition, warnings, kindHuman, kind, autodiscoverKey);
        foreach (var target in merged)
        {
            ValidateOther(target, kindHuman, kind, edition, warnings);
        }

        var normalized = ImmutableArray.CreateBuilder<TomlTarget>(merged.Count);
        foreach (var target in merged)
        {
            var path = ResolvePath(target, inferred, kind, root, edition, hasLib: false, warnings, out var error);
            if (path is null)
            {
                errors.Add(error!);
                continue;
            }

            normalized.Add(target with { Path = TargetPaths.Normalize(path) });
        }

        return normalized.ToImmutable();
    }

    private static void ValidateOther(TomlTarget target, string kindHuman, string kind, int edition, List<string> warnings)
    {
        TargetValidation.OtherName(target, kindHuman, kind, warnings);
        TargetValidation.ProcMacroSpelling(target, kindHuman, edition, warnings);
        TargetValidation.CrateTypeSpelling(target, kindHuman, edition, warnings);
    }

    /// <summary>Discovery is off and every declared target has both a name and a path.</summary>
    private static bool AreFullyDeclared(ImmutableArray<TomlTarget>? declared, bool? autodiscover)
    {
        if (autodiscover != false)
        {
            return false;
        }

        if (declared is not { } targets)
        {
            return true;
        }

        foreach (var target in targets)
        {
            if (target.Name is null || target.Path is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>toml_targets_and_inferred</c>: declared targets plus the discovered ones that no declared
    /// target claims by name or by path, sorted by name. With discovery unset in edition 2015,
    /// declaring any target of a kind turns discovery of that kind off, with a warning listing
    /// what 2018 would have added.
    /// </summary>
    private static List<TomlTarget> MergeWithInferred(
        ImmutableArray<TomlTarget>? declared,
        List<InferredTarget> inferred,
        string root,
        bool? autodiscover,
        int edition,
        List<string> warnings,
        string kindHuman,
        string kind,
        string autodiscoverKey)
    {
        var targets = new List<TomlTarget>();
        if (declared is not { } explicitTargets)
        {
            if (autodiscover != false)
            {
                foreach (var found in inferred)
                {
                    targets.Add(new TomlTarget { Name = found.Name, Path = found.Path });
                }
            }
        }
        else
        {
            var seenNames = new HashSet<string>(StringComparer.Ordinal);
            var seenPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in explicitTargets)
            {
                targets.Add(target);
                if (target.Name is not null)
                {
                    seenNames.Add(target.Name);
                }

                if (target.Path is not null)
                {
                    seenPaths.Add(TargetPaths.ComponentKey(TargetPaths.Resolve(root, target.Path)));
                }
            }

            var remaining = new List<InferredTarget>();
            foreach (var found in inferred)
            {
                if (!seenNames.Contains(found.Name) && !seenPaths.Contains(TargetPaths.ComponentKey(TargetPaths.Resolve(root, found.Path))))
                {
                    remaining.Add(found);
                }
            }

            var discover = autodiscover ?? edition != Editions.E2015;
            if (autodiscover is null && edition == Editions.E2015 && remaining.Count > 0)
            {
                warnings.Add(Edition2015InferenceWarning(remaining, kindHuman, kind, autodiscoverKey));
            }

            if (discover)
            {
                foreach (var found in remaining)
                {
                    targets.Add(new TomlTarget { Name = found.Name, Path = found.Path });
                }
            }
        }

        // Stable, so equal names keep declaration order; Cargo's order among them is unspecified.
        return [.. targets.Order(NameOrder.Instance)];
    }

    private static string Edition2015InferenceWarning(List<InferredTarget> remaining, string kindHuman, string kind, string autodiscoverKey)
    {
        var files = new System.Text.StringBuilder();
        foreach (var found in remaining)
        {
            files.Append("* ").Append(found.Path).Append('\n');
        }

        return $"""
            An explicit [[{kind}]] section is specified in Cargo.toml which currently
            disables Cargo from automatically inferring other {kindHuman} targets.
            This inference behavior will change in the Rust 2018 edition and the following
            files will be included as a {kindHuman} target:

            {files}
            This is likely to break cargo build or cargo test as these files may not be
            ready to be compiled as a {kindHuman} target today. You can future-proof yourself
            and disable this warning by adding `{autodiscoverKey} = false` to your [package]
            section. You may also move the files to a location where Cargo would not
            automatically infer them to be a target, such as in subfolders.

            For more information on this warning you can consult
            https://github.com/rust-lang/cargo/issues/5330
            """.ReplaceLineEndings("\n");
    }

    /// <summary>
    /// <c>target_path</c>: the declared path, else the one discovered file with the target's name,
    /// else (edition 2015 only) a legacy location; null with <paramref name="error"/> set otherwise.
    /// </summary>
    private static string? ResolvePath(
        TomlTarget target,
        List<InferredTarget> inferred,
        string kind,
        string root,
        int edition,
        bool hasLib,
        List<string> warnings,
        out string? error)
    {
        error = null;
        if (target.Path is not null)
        {
            return target.Path;
        }

        var name = target.Name!;
        string? first = null;
        string? second = null;
        foreach (var found in inferred)
        {
            if (found.Name != name)
            {
                continue;
            }

            if (first is null)
            {
                first = found.Path;
            }
            else
            {
                second = found.Path;
                break;
            }
        }

        if (first is not null && second is null)
        {
            return first;
        }

        if (edition == Editions.E2015 && LegacyPath(kind, name, root, hasLib, warnings) is { } legacy)
        {
            return legacy;
        }

        error = first is null
            ? NotFoundMessage(root, name, kind, inferred)
            : $"cannot infer path for `{name}` {kind}\nCargo doesn't know which to use because multiple target files found at `{first}` and `{second}`.";
        return null;
    }

    /// <summary>Where Cargo looked for targets before 2018 (<c>legacy_bin_path</c>, <c>src/bench.rs</c>).</summary>
    private static string? LegacyPath(string kind, string name, string root, bool hasLib, List<string> warnings)
    {
        if (kind == TargetKinds.Bin)
        {
            string? found = null;
            var own = TargetPaths.Join("src", name + ".rs");
            var main = TargetPaths.Join("src", "main.rs");
            var binMain = TargetPaths.Join("src", "bin", "main.rs");
            if (!hasLib && TargetPaths.Exists(TargetPaths.Resolve(root, own)))
            {
                found = own;
            }
            else if (TargetPaths.Exists(TargetPaths.Resolve(root, main)))
            {
                found = main;
            }
            else if (TargetPaths.Exists(TargetPaths.Resolve(root, binMain)))
            {
                found = binMain;
            }

            if (found is not null)
            {
                warnings.Add($"path `{found}` was erroneously implicitly accepted for binary `{name}`,\nplease set bin.path in Cargo.toml");
            }

            return found;
        }

        if (kind == TargetKinds.Bench)
        {
            var bench = TargetPaths.Join("src", "bench.rs");
            if (name == "bench" && TargetPaths.Exists(TargetPaths.Resolve(root, bench)))
            {
                warnings.Add($"path `{bench}` was erroneously implicitly accepted for benchmark `{name}`,\nplease set bench.path in Cargo.toml");
                return bench;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>target_path_not_found_error_message</c>: points at a file in a commonly mistaken place
    /// (<c>bench/</c> for <c>benches/</c>, <c>src/bins/</c> for <c>src/bin/</c>) when there is one.
    /// </summary>
    private static string NotFoundMessage(string root, string name, string kind, List<InferredTarget> inferred)
    {
        var (wrongDirectory, rightDirectory) = kind switch
        {
            TargetKinds.Bin => (TargetPaths.Join("src", "bins"), TargetPaths.Join("src", "bin")),
            TargetKinds.Test => (kind, TestsDirectory),
            TargetKinds.Bench => (kind, BenchesDirectory),
            _ => (kind, ExamplesDirectory),
        };
        var possibleFile = TargetPaths.Join(rightDirectory, name + ".rs");
        var possibleMain = TargetPaths.Join(rightDirectory, name, "main.rs");
        var hint = EditDistance.ClosestMessage(name, inferred.Select(target => target.Name), kind);

        string? wrong = null;
        string? right = null;
        var wrongFile = TargetPaths.Join(wrongDirectory, name + ".rs");
        var wrongMain = TargetPaths.Join(wrongDirectory, name, "main.rs");
        if (TargetPaths.Exists(TargetPaths.Resolve(root, wrongFile)))
        {
            (wrong, right) = (wrongFile, possibleFile);
        }
        else if (TargetPaths.Exists(TargetPaths.Resolve(root, wrongMain)))
        {
            (wrong, right) = (wrongMain, possibleMain);
        }

        if (wrong is not null)
        {
            return $"can't find `{name}` {kind} at default paths, but found a file at `{wrong}`.\n"
                + $"Perhaps rename the file to `{right}` for target auto-discovery, or specify {kind}.path if you want to use a non-default path.{hint}";
        }

        return $"can't find `{name}` {kind} at `{possibleFile}` or `{possibleMain}`. Please specify {kind}.path if you want to use a non-default path.{hint}";
    }
}
