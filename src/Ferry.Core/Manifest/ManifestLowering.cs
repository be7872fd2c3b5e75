using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;
using Ferry.Core.Urls;
using Ferry.Platform;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Core.Manifest;

/// <summary>
/// Cargo's <c>normalize_toml</c> + <c>to_real_manifest</c> / <c>to_virtual_manifest</c>: workspace
/// inheritance, target discovery, dependency lowering, feature validation and the package-level
/// checks, in Cargo's order so that a manifest with several problems reports the same first one.
/// Every failure thrown from here is wrapped by the loader in <c>failed to parse manifest at `...`</c>.
/// </summary>
/// <remarks>
/// The workspace root is found lazily (only when something says <c>workspace = true</c>), exactly as
/// Cargo does: a package that inherits nothing never looks above its own directory here.
/// </remarks>
internal static class ManifestLowering
{
    private static readonly string[] TopLevelConfigKeys =
    [
        "paths", "alias", "build", "credential-alias", "doc", "env", "future-incompat-report", "cache", "cargo-new",
        "http", "install", "net", "patch", "profile", "resolver", "registries", "registry", "source", "target", "term",
    ];

    private sealed class Context(string manifestPath, SourceId sourceId, ManifestLoader loader, WorkspaceConfig workspace)
    {
        private InheritableFields? _inherited;

        public string ManifestPath { get; } = manifestPath;

        public string PackageRoot { get; } = Path.GetDirectoryName(manifestPath)!;

        public SourceId SourceId { get; } = sourceId;

        public ManifestLoader Loader { get; } = loader;

        public IManifestEnvironment Environment => Loader.Environment;

        public WorkspaceConfig Workspace { get; } = workspace;

        public List<string> Warnings { get; } = [];

        public List<string> Errors { get; } = [];

        /// <summary>Cargo's <c>load_inheritable_fields</c>, computed on first use.</summary>
        public InheritableFields Inherit()
        {
            if (_inherited is not null)
            {
                return _inherited;
            }

            if (Workspace.Root is { } root)
            {
                return _inherited = root.Inheritable;
            }

            if (Workspace.RootPointer is { } pointer)
            {
                return _inherited = Loader.InheritableFromPath(WorkspaceConfig.ReadRootPointer(ManifestPath, pointer));
            }

            var found = Loader.FindWorkspaceRoot(ManifestPath) ?? throw new FerryException("failed to find a workspace root");
            return _inherited = Loader.InheritableFromPath(found);
        }
    }

    public static LoadedManifest Lower(TomlDocument document, TomlManifest original, string manifestPath, SourceId sourceId, ManifestLoader loader)
    {
        var environment = loader.Environment;
        var featureWarnings = new List<string>();
        var features = CargoFeatures.Create(original.CargoFeatures ?? [], environment.NightlyFeaturesAllowed, sourceId.IsPath, featureWarnings);
        var workspaceConfig = ToWorkspaceConfig(original, manifestPath, environment, featureWarnings);
        if (workspaceConfig.Root is { } root)
        {
            loader.RegisterRoot(root);
        }

        var context = new Context(manifestPath, sourceId, loader, workspaceConfig);
        context.Warnings.AddRange(featureWarnings);

        // Cargo normalizes [patch] first (only `base` can fail there).
        NormalizePatchBases(original, features);

        if (original.EffectivePackage is { } package)
        {
            return ToReal(document, original, package, features, context);
        }

        if (original.FirstPackageOnlySection() is { } field)
        {
            throw new FerryException($"this virtual manifest specifies a `{field}` section, which is not allowed");
        }

        if (original.Workspace is null)
        {
            throw new FerryException("manifest is missing either a `[package]` or a `[workspace]`");
        }

        return ToVirtual(document, original, features, context);
    }

    private static WorkspaceConfig ToWorkspaceConfig(TomlManifest original, string manifestPath, IManifestEnvironment environment, List<string> warnings)
    {
        var workspace = original.Workspace;
        var pointer = original.EffectivePackage?.Workspace;
        if (workspace is not null && pointer is not null)
        {
            throw new FerryException("cannot configure both `package.workspace` and `[workspace]`, only one can be specified");
        }

        if (workspace is null)
        {
            return WorkspaceConfig.Member(pointer);
        }

        LintsValidation.Verify(workspace.Lints, environment.NightlyFeaturesAllowed, warnings);
        if (workspace.Dependencies is { } deps)
        {
            foreach (var (name, dep) in deps)
            {
                if (dep.IsOptional)
                {
                    throw new FerryException($"{name} is optional, but workspace dependencies cannot be optional");
                }

                if (dep.IsPublic)
                {
                    throw new FerryException($"{name} is public, but workspace dependencies cannot be public");
                }
            }

            foreach (var (name, dep) in deps)
            {
                UnusedDependencyKeys(name, "workspace.dependencies", dep.UnusedKeys, warnings);
            }
        }

        var rootDir = Path.GetDirectoryName(manifestPath)!;
        var inheritable = new InheritableFields(workspace.Package, workspace.Dependencies, workspace.Lints, rootDir);
        return new WorkspaceConfig(
            new WorkspaceRootConfig(rootDir, workspace.Members, workspace.DefaultMembers, workspace.Exclude ?? [], inheritable, workspace.Metadata),
            null);
    }

    private static void NormalizePatchBases(TomlManifest original, CargoFeatures features)
    {
        foreach (var (source, deps) in original.Patch ?? [])
        {
            foreach (var (name, dep) in deps)
            {
                if (dep.Detailed?.Base is not null)
                {
                    try
                    {
                        features.Require("path-bases");
                    }
                    catch (FerryException e)
                    {
                        throw new FerryException($"resolving path for patch of ({name}) for source ({source})", e);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ packages

    private static Manifest ToReal(TomlDocument document, TomlManifest original, TomlPackage package, CargoFeatures features, Context context)
    {
        var warnings = context.Warnings;
        var root = context.PackageRoot;

        // normalize_package_toml, in Cargo's field order.
        var edition = Field(package.Edition, "edition", () => context.Inherit().Edition());
        var rustVersion = Field(package.RustVersion, "rust-version", () => context.Inherit().RustVersion());
        var name = package.Name ?? throw new FerryException("missing field `package.name`");
        var version = Field(package.Version, "version", () => context.Inherit().Version());
        var authors = FieldValue(package.Authors, "authors", () => context.Inherit().Authors());
        if (package.Build is { Kind: PackageBuildKind.Scripts })
        {
            features.Require("multiple-build-scripts");
        }

        var exclude = FieldValue(package.Exclude, "exclude", () => context.Inherit().Exclude());
        var include = FieldValue(package.Include, "include", () => context.Inherit().Include());
        var publish = Field(package.Publish, "publish", () => context.Inherit().Publish());
        var description = Field(package.Description, "description", () => context.Inherit().Description());
        var homepage = Field(package.Homepage, "homepage", () => context.Inherit().Homepage());
        var documentation = Field(package.Documentation, "documentation", () => context.Inherit().Documentation());
        var readme = NormalizeReadme(root, Field(package.Readme, "readme", () => context.Inherit().Readme(root)));
        var keywords = FieldValue(package.Keywords, "keywords", () => context.Inherit().Keywords());
        var categories = FieldValue(package.Categories, "categories", () => context.Inherit().Categories());
        var license = Field(package.License, "license", () => context.Inherit().License());
        var licenseFile = Field(package.LicenseFile, "license-file", () => context.Inherit().LicenseFile(root));
        var repository = Field(package.Repository, "repository", () => context.Inherit().Repository());

        var parsedEdition = EditionInfo.TryParse(edition) ?? Edition.E2015;

        // Targets: the tables with inferred targets, then (much later) the Target list.
        var targetInput = new TargetDiscoveryInput
        {
            PackageRoot = root,
            PackageName = name,
            Edition = edition,
            AutoLib = package.Autolib,
            AutoBins = package.Autobins,
            AutoExamples = package.Autoexamples,
            AutoTests = package.Autotests,
            AutoBenches = package.Autobenches,
            Build = package.Build,
            Links = package.Links,
            Lib = original.Lib,
            Bins = original.Bin,
            Examples = original.Example,
            Tests = original.Test,
            Benches = original.Bench,
            Features = features.ToGate(),
        };
        var normalizedTargets = TargetDiscovery.Normalize(targetInput);
        warnings.AddRange(normalizedTargets.Warnings);

        // Dependencies, with workspace inheritance.
        var deps = NormalizeDependencies(original.Dependencies, DependencyKind.Normal, parsedEdition, features, context);
        DeprecatedUnderscore(original.DevDependencies2, original.DevDependencies, "dev-dependencies", name, "package", parsedEdition, warnings);
        var devDeps = NormalizeDependencies(original.EffectiveDevDependencies, DependencyKind.Development, parsedEdition, features, context);
        DeprecatedUnderscore(original.BuildDependencies2, original.BuildDependencies, "build-dependencies", name, "package", parsedEdition, warnings);
        var buildDeps = NormalizeDependencies(original.EffectiveBuildDependencies, DependencyKind.Build, parsedEdition, features, context);
        var platforms = new List<(string Key, List<(string, TomlDependency)>? Normal, List<(string, TomlDependency)>? Dev, List<(string, TomlDependency)>? Build)>();
        foreach (var (key, platform) in original.Target ?? [])
        {
            var normal = NormalizeDependencies(platform.Dependencies, DependencyKind.Normal, parsedEdition, features, context);
            DeprecatedUnderscore(platform.DevDependencies2, platform.DevDependencies, "dev-dependencies", key, "platform target", parsedEdition, warnings);
            var dev = NormalizeDependencies(platform.EffectiveDevDependencies, DependencyKind.Development, parsedEdition, features, context);
            DeprecatedUnderscore(platform.BuildDependencies2, platform.BuildDependencies, "build-dependencies", key, "platform target", parsedEdition, warnings);
            var build = NormalizeDependencies(platform.EffectiveBuildDependencies, DependencyKind.Build, parsedEdition, features, context);
            platforms.Add((key, normal, dev, build));
        }

        TomlLints? lints = null;
        if (original.Lints is { } writtenLints)
        {
            if (writtenLints.Workspace)
            {
                if (!writtenLints.Lints.IsEmpty)
                {
                    throw new FerryException(
                        "cannot override `workspace.lints` in `lints`, either remove the overrides or `lints.workspace = true` and manually specify the lints");
                }

                try
                {
                    lints = context.Inherit().WorkspaceLints();
                }
                catch (FerryException e)
                {
                    throw new FerryException("error inheriting `lints` from workspace root manifest's `workspace.lints`", e);
                }
            }
            else
            {
                lints = writtenLints.Lints;
            }
        }

        // ---- to_real_manifest
        if (name.Contains(':', StringComparison.Ordinal))
        {
            features.Require("open-namespaces");
        }

        Edition effectiveEdition;
        if (edition is not null)
        {
            try
            {
                effectiveEdition = EditionInfo.Parse(edition);
            }
            catch (FerryException e)
            {
                throw new FerryException("failed to parse the `edition` key", e);
            }

            if (rustVersion is not null && EditionInfo.FirstVersion(effectiveEdition) is { } editionMsrv
                && !RustVersions.IsCompatibleWith(editionMsrv, rustVersion))
            {
                throw new FerryException(
                    $"rust-version {rustVersion} is incompatible with the version ({editionMsrv}) required by the specified edition ({EditionInfo.Display(effectiveEdition)})");
            }
        }
        else
        {
            var msrvEdition = Edition.E2015;
            if (rustVersion is not null)
            {
                foreach (var candidate in EditionInfo.All)
                {
                    if (EditionInfo.FirstVersion(candidate) is { } first && RustVersions.IsCompatibleWith(first, rustVersion) && candidate > msrvEdition)
                    {
                        msrvEdition = candidate;
                    }
                }
            }

            if (msrvEdition != Edition.E2015 || rustVersion is null)
            {
                var tip = msrvEdition == EditionInfo.LatestStable || rustVersion is null
                    ? $" while the latest is {EditionInfo.Display(EditionInfo.LatestStable)}"
                    : $" while {EditionInfo.Display(msrvEdition)} is compatible with `rust-version`";
                warnings.Add($"no edition set: defaulting to the {EditionInfo.Display(Edition.E2015)} edition{tip}");
            }

            effectiveEdition = Edition.E2015;
        }

        if (!EditionInfo.IsStable(effectiveEdition))
        {
            features.Require("unstable-editions");
        }

        if (original.Project is not null)
        {
            if (effectiveEdition >= Edition.E2024)
            {
                throw new FerryException("`[project]` is not supported as of the 2024 Edition, please use `[package]`");
            }

            warnings.Add("`[project]` is deprecated in favor of `[package]`");
        }

        if (package.Metabuild is not null)
        {
            features.Require("metabuild");
        }

        ResolveBehavior? resolveBehavior = (package.Resolver, original.Workspace?.Resolver) switch
        {
            (null, null) => null,
            ({ } p, null) => ResolveBehaviorInfo.FromManifest(p),
            (null, { } w) => ResolveBehaviorInfo.FromManifest(w),
            _ => throw new FerryException("cannot specify `resolver` field in both `[workspace]` and `[package]`"),
        };

        var targetResult = TargetDiscovery.Build(targetInput, normalizedTargets);
        for (var i = normalizedTargets.Warnings.Length; i < targetResult.Warnings.Length; i++)
        {
            warnings.Add(targetResult.Warnings[i]);
        }

        context.Errors.AddRange(targetResult.Errors);

        ValidateDependencies(original.Dependencies, null, "dependencies", warnings);
        ValidateDependencies(original.EffectiveDevDependencies, null, "dev-dependencies", warnings);
        ValidateDependencies(original.EffectiveBuildDependencies, null, "build-dependencies", warnings);
        foreach (var (key, platform) in original.Target ?? [])
        {
            var parsed = ParsePlatform(key);
            warnings.AddRange(parsed.CheckCfgAttributes());
            warnings.AddRange(parsed.CheckCfgKeywords(context.ManifestPath));
            ValidateDependencies(platform.Dependencies, parsed, "dependencies", warnings);
            ValidateDependencies(platform.EffectiveBuildDependencies, parsed, "build-dependencies", warnings);
            ValidateDependencies(platform.EffectiveDevDependencies, parsed, "dev-dependencies", warnings);
        }

        var dependencies = new List<Dependency>();
        Gather(dependencies, deps, DependencyKind.Normal, null, context);
        Gather(dependencies, devDeps, DependencyKind.Development, null, context);
        Gather(dependencies, buildDeps, DependencyKind.Build, null, context);
        foreach (var (key, normal, dev, build) in platforms)
        {
            var parsed = ParsePlatform(key);
            Gather(dependencies, normal, DependencyKind.Normal, parsed, context);
            Gather(dependencies, build, DependencyKind.Build, parsed, context);
            Gather(dependencies, dev, DependencyKind.Development, parsed, context);
        }

        var replace = Replace(original, context);
        var patch = Patch(original, context);

        var sources = new Dictionary<string, SourceId>(StringComparer.Ordinal);
        foreach (var dep in dependencies)
        {
            if (sources.TryGetValue(dep.NameInToml, out var previous) && previous != dep.Source)
            {
                throw new FerryException(
                    $"Dependency '{dep.NameInToml}' has different source paths depending on the build target. Each dependency must have a single canonical source path irrespective of build target.");
            }

            sources[dep.NameInToml] = dep.Source;
        }

        LintsValidation.Verify(lints, context.Environment.NightlyFeaturesAllowed, warnings);
        var rustflags = LintsValidation.ToRustflags(lints ?? TomlLints.Empty);

        var metadata = new ManifestMetadata
        {
            Description = description,
            Homepage = homepage,
            Documentation = documentation,
            Readme = readme,
            Authors = authors ?? [],
            License = license,
            LicenseFile = licenseFile,
            Repository = repository,
            Keywords = keywords ?? [],
            Categories = categories ?? [],
            Badges = original.Badges ?? [],
            Links = package.Links,
            RustVersion = rustVersion,
        };

        if (original.Profile is { } profiles)
        {
            ProfileValidation.ValidateManifest(profiles, features, warnings);
        }

        ImmutableArray<string>? publishTo = publish switch
        {
            { Strings: { } list } => list,
            { Bool: false } => [],
            { Bool: true } => null,
            null => version is null ? [] : null,
        };
        if (version is null && !(publishTo is { IsEmpty: true }))
        {
            throw new FerryException("`package.publish` requires `package.version` be specified");
        }

        var packageId = new PackageId(name, version ?? new Version(0, 0, 0), context.SourceId);
        foreach (var dep in dependencies)
        {
            if (dep.Optional && dep.Kind == DependencyKind.Development)
            {
                throw new FerryException($"dev-dependencies are not allowed to be optional: `{dep.NameInToml}`");
            }
        }

        ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>> featureMap;
        try
        {
            var written = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            foreach (var (feature, values) in original.Features ?? [])
            {
                written.Add(new(feature, values));
            }

            featureMap = FeatureMapBuilder.Build(written, dependencies);
        }
        catch (MissingFeatureDependencyException e)
        {
            throw MissingDependencyDiagnostic(e, document, context);
        }

        var summary = new Summary
        {
            PackageId = packageId,
            Dependencies = [.. dependencies],
            Features = featureMap,
            Links = package.Links,
            RustVersion = rustVersion,
        };

        if (featureMap.ContainsKey("default-features"))
        {
            warnings.Add("`[features]` defines a feature named `default-features`\nnote: only a feature named `default` will be enabled by default");
        }

        if (package.DefaultRun is { } run)
        {
            var bins = targetResult.Targets.Where(t => t.IsBin).Select(t => t.Name).ToList();
            if (!bins.Contains(run))
            {
                throw new FerryException($"default-run target `{run}` not found{EditDistance.ClosestMessage(run, bins, "target")}");
            }
        }

        foreach (var target in new[] { package.DefaultTarget, package.ForcedTarget })
        {
            if (target is { Length: 0 })
            {
                throw new FerryException("target was empty");
            }
        }

        if (licenseFile is not null && license is not null)
        {
            warnings.Add(
                "only one of `license` or `license-file` is necessary\n`license` should be used if the package license can be expressed with a standard SPDX expression.\n"
                + "`license-file` should be used if the package uses a non-standard license.\n"
                + "See https://doc.rust-lang.org/cargo/reference/manifest.html#the-license-and-license-file-fields for more information.");
        }

        WarnOnUnused(original.UnusedKeys, warnings);

        if (package.ImATeapot is not null)
        {
            RequireWithContext(features, "test-dummy-unstable", "the `im-a-teapot` manifest key is unstable and may not work properly in England");
        }

        if (package.DefaultTarget is not null || package.ForcedTarget is not null)
        {
            RequireWithContext(features, "per-package-target", "the `package.default-target` and `package.forced-target` manifest keys are unstable and may not work properly");
        }

        return new Manifest
        {
            ManifestPath = context.ManifestPath,
            WorkspaceConfig = context.Workspace,
            UnstableFeatures = features,
            Replace = replace,
            Patch = patch,
            ResolveBehavior = resolveBehavior,
            Profiles = original.Profile,
            Warnings = [.. warnings],
            Errors = [.. context.Errors],
            Original = original,
            Document = document,
            Summary = summary,
            Targets = targetResult.Targets,
            Edition = effectiveEdition,
            Metadata = metadata,
            CustomMetadata = package.Metadata,
            Publish = publishTo,
            DefaultRun = package.DefaultRun,
            Include = include ?? [],
            Exclude = exclude ?? [],
            Metabuild = package.Metabuild,
            DefaultTarget = package.DefaultTarget,
            ForcedTarget = package.ForcedTarget,
            Lints = lints ?? TomlLints.Empty,
            LintRustflags = rustflags,
            Hints = original.Hints,
            NormalizedTargets = normalizedTargets,
        };
    }

    private static void RequireWithContext(CargoFeatures features, string feature, string context)
    {
        try
        {
            features.Require(feature);
        }
        catch (FerryException e)
        {
            throw new FerryException(context, e);
        }
    }

    private static TargetPlatform ParsePlatform(string key)
    {
        try
        {
            return TargetPlatform.Parse(key);
        }
        catch (CfgParseException e)
        {
            throw new FerryException(e.Message);
        }
    }

    private static FerryException MissingDependencyDiagnostic(MissingFeatureDependencyException e, TomlDocument document, Context context)
    {
        if (document.Root.TryGetTable("features", out var table) && table.Get(e.Feature) is { Span: { } span })
        {
            return Diagnostics.At(e.Message, span, document, context.ManifestPath, context.Environment.Cwd);
        }

        return e;
    }

    // ------------------------------------------------------------------ virtual manifests

    private static VirtualManifest ToVirtual(TomlDocument document, TomlManifest original, CargoFeatures features, Context context)
    {
        var replace = Replace(original, context);
        var patch = Patch(original, context);
        if (original.Profile is { } profiles)
        {
            ProfileValidation.ValidateManifest(profiles, features, context.Warnings);
        }

        ResolveBehavior? resolveBehavior = original.Workspace?.Resolver is { } resolver ? ResolveBehaviorInfo.FromManifest(resolver) : null;
        if (!context.Workspace.IsRoot)
        {
            throw new FerryException("virtual manifests must be configured with [workspace]");
        }

        WarnOnUnused(original.UnusedKeys, context.Warnings);
        return new VirtualManifest
        {
            ManifestPath = context.ManifestPath,
            WorkspaceConfig = context.Workspace,
            UnstableFeatures = features,
            Replace = replace,
            Patch = patch,
            ResolveBehavior = resolveBehavior,
            Profiles = original.Profile,
            Warnings = [.. context.Warnings],
            Errors = [.. context.Errors],
            Original = original,
            Document = document,
        };
    }

    // ------------------------------------------------------------------ inheritance helpers

    private static T? Field<T>(Inheritable<T>? field, string label, Func<T> inherit)
        where T : class
    {
        if (field is null)
        {
            return null;
        }

        if (!field.IsInherited)
        {
            return field.Value;
        }

        try
        {
            return inherit();
        }
        catch (FerryException e)
        {
            throw new FerryException($"error inheriting `{label}` from workspace root manifest's `workspace.package.{label}`", e);
        }
    }

    private static T? FieldValue<T>(Inheritable<T>? field, string label, Func<T> inherit)
        where T : struct
    {
        if (field is null)
        {
            return null;
        }

        if (!field.IsInherited)
        {
            return field.Value;
        }

        try
        {
            return inherit();
        }
        catch (FerryException e)
        {
            throw new FerryException($"error inheriting `{label}` from workspace root manifest's `workspace.package.{label}`", e);
        }
    }

    /// <summary>
    /// Cargo's <c>normalize_package_readme</c>: no key means the first of README.md, README.txt, README
    /// that is a file; <c>false</c> means none; <c>true</c> means README.md.
    /// </summary>
    public static string? NormalizeReadme(string packageRoot, StringOrBool? readme)
    {
        if (readme is null)
        {
            foreach (var candidate in new[] { "README.md", "README.txt", "README" })
            {
                if (TargetPaths.IsFile(TargetPaths.Resolve(packageRoot, candidate)))
                {
                    return candidate;
                }
            }

            return null;
        }

        return readme.String ?? (readme.Bool ? "README.md" : null);
    }

    // ------------------------------------------------------------------ dependencies

    private static List<(string Name, TomlDependency Dependency)>? NormalizeDependencies(
        ImmutableArray<DependencyEntry>? table,
        DependencyKind kind,
        Edition edition,
        CargoFeatures features,
        Context context)
    {
        if (table is not { } entries)
        {
            return null;
        }

        var result = new List<(string, TomlDependency)>(entries.Length);
        foreach (var entry in entries)
        {
            var name = entry.Name;
            var resolved = entry.Dependency.Value ?? InheritDependency(entry.Dependency.Inherit!, name, edition, context);
            if (resolved.Detailed is { } detailed)
            {
                DeprecatedUnderscore(detailed.DefaultFeatures2, detailed.DefaultFeatures, "default-features", name, "dependency", edition, context.Warnings);
                if (detailed.Public is not null)
                {
                    if (kind == DependencyKind.Normal)
                    {
                        context.Warnings.Add($"ignoring `public` on dependency {name}, pass `-Zpublic-dependency` to enable support for it");
                    }
                    else
                    {
                        var table_name = kind == DependencyKind.Development ? "dev-dependencies" : "build-dependencies";
                        context.Warnings.Add($"'public' specifier can only be used on regular dependencies, not {table_name}");
                    }

                    detailed = detailed with { Public = null };
                }

                if (detailed.Base is not null)
                {
                    try
                    {
                        if (detailed.Path is null)
                        {
                            throw new FerryException("`base` can only be used with path dependencies");
                        }

                        features.Require("path-bases");
                    }
                    catch (FerryException e)
                    {
                        throw new FerryException($"resolving path dependency {name}", e);
                    }
                }

                resolved = TomlDependency.Of(detailed);
            }

            result.Add((name, resolved));
        }

        return result;
    }

    private static TomlDependency InheritDependency(TomlInheritedDependency member, string name, Edition edition, Context context)
    {
        try
        {
            var ws = context.Inherit().Dependency(name, context.PackageRoot);
            var merged = ws.AsDetailed();
            var memberDefault = member.EffectiveDefaultFeatures;
            var wsDefault = merged.EffectiveDefaultFeatures;
            switch (memberDefault, wsDefault)
            {
                case (true, false):
                    merged = merged with { DefaultFeatures = true };
                    break;
                case (false, true):
                    DeprecatedWorkspaceDefaultFeatures(name, "true", edition, context.Warnings);
                    break;
                case (false, null):
                    DeprecatedWorkspaceDefaultFeatures(name, "not specified", edition, context.Warnings);
                    break;
            }

            ImmutableArray<string>? features = (merged.Features, member.Features) switch
            {
                ({ } a, { } b) => a.AddRange(b),
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => null,
            };
            merged = merged with { Features = features, Optional = member.Optional, Public = member.Public };
            return TomlDependency.Of(merged);
        }
        catch (FerryException e)
        {
            throw new FerryException($"error inheriting `{name}` from workspace root manifest's `workspace.dependencies.{name}`", e);
        }
    }

    private static void DeprecatedWorkspaceDefaultFeatures(string name, string wsDefault, Edition edition, List<string> warnings)
    {
        if (edition >= Edition.E2024)
        {
            throw new FerryException("`default-features = false` cannot override workspace's `default-features`");
        }

        warnings.Add(
            $"`default-features` is ignored for {name}, since `default-features` was {wsDefault} for `workspace.dependencies.{name}`, this could become a hard error in the future");
    }

    /// <summary>Cargo's <c>deprecated_underscore</c> for <c>dev_dependencies</c>, <c>default_features</c>, ...</summary>
    private static void DeprecatedUnderscore<T>(T? old, T? current, string newPath, string name, string kind, Edition edition, List<string> warnings)
    {
        if (old is null)
        {
            return;
        }

        var oldPath = newPath.Replace('-', '_');
        if (edition >= Edition.E2024)
        {
            throw new FerryException($"`{oldPath}` is unsupported as of the 2024 edition; instead use `{newPath}`\n(in the `{name}` {kind})");
        }

        warnings.Add(current is not null
            ? $"`{oldPath}` is redundant with `{newPath}`, preferring `{newPath}` in the `{name}` {kind}"
            : $"`{oldPath}` is deprecated in favor of `{newPath}` and will not work in the 2024 edition\n(in the `{name}` {kind})");
    }

    private static void ValidateDependencies(ImmutableArray<DependencyEntry>? table, TargetPlatform? platform, string kindTable, List<string> warnings)
    {
        foreach (var entry in table ?? [])
        {
            var tableName = platform is null ? kindTable : $"target.{platform}.{kindTable}";
            UnusedDependencyKeys(entry.Name, tableName, entry.Dependency.UnusedKeys, warnings);
        }
    }

    private static void UnusedDependencyKeys(string name, string kind, IReadOnlyList<string> keys, List<string> warnings)
    {
        foreach (var key in keys)
        {
            warnings.Add($"unused manifest key: {kind}.{name}.{key}");
        }
    }

    private static void Gather(List<Dependency> into, List<(string Name, TomlDependency Dependency)>? deps, DependencyKind kind, TargetPlatform? platform, Context context)
    {
        foreach (var (name, dep) in deps ?? [])
        {
            into.Add(DependencyLowering.ToDependency(dep, name, kind, platform, context.SourceId, context.PackageRoot, context.Environment, context.Warnings));
        }
    }

    private static ImmutableArray<ReplaceEntry> Replace(TomlManifest original, Context context)
    {
        if (original.Patch is not null && original.Replace is not null)
        {
            throw new FerryException("cannot specify both [replace] and [patch]");
        }

        var result = ImmutableArray.CreateBuilder<ReplaceEntry>();
        foreach (var (text, replacement) in original.Replace ?? [])
        {
            PackageIdSpec spec;
            try
            {
                spec = PackageIdSpec.Parse(text);
            }
            catch (FerryException e)
            {
                throw new FerryException($"replacements must specify a valid semver version to replace, but `{text}` does not", e);
            }

            if (spec.Url is null)
            {
                spec = spec with { Url = Url.Parse(SourceId.CratesIoIndex) };
            }

            if (replacement.IsVersionSpecified)
            {
                throw new FerryException($"replacements cannot specify a version requirement, but found one for `{spec}`");
            }

            var dep = DependencyLowering.ToDependency(replacement, spec.Name, DependencyKind.Normal, null, context.SourceId, context.PackageRoot, context.Environment, context.Warnings);
            var version = spec.Version?.ToVersion() ?? throw new FerryException($"replacements must specify a version to replace, but `{spec}` does not");
            UnusedDependencyKeys(dep.NameInToml, "replace", replacement.UnusedKeys, context.Warnings);
            result.Add(new ReplaceEntry(spec, dep with { Req = Semver.VersionReq.Exact(version) }));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<PatchEntry> Patch(TomlManifest original, Context context)
    {
        var result = ImmutableArray.CreateBuilder<PatchEntry>();
        foreach (var (source, deps) in original.Patch ?? [])
        {
            var url = PatchSourceUrl(source, context.Environment, isConfig: false);

            var list = ImmutableArray.CreateBuilder<Dependency>(deps.Length);
            foreach (var (name, dep) in deps)
            {
                UnusedDependencyKeys(name, $"patch.{source}", dep.UnusedKeys, context.Warnings);
                list.Add(DependencyLowering.ToDependency(dep, name, DependencyKind.Normal, null, context.SourceId, context.PackageRoot, context.Environment, context.Warnings));
            }

            result.Add(new PatchEntry(url, list.MoveToImmutable(), context.ManifestPath));
        }

        return result.ToImmutable();
    }

    /// <summary>The URL a <c>[patch.SOURCE]</c> table patches: <c>crates-io</c>, a configured registry, or a URL.</summary>
    public static Url PatchSourceUrl(string source, IManifestEnvironment environment, bool isConfig)
    {
        if (source == SourceId.CratesIoRegistryName)
        {
            return Url.Parse(SourceId.CratesIoIndex);
        }

        try
        {
            return environment.RegistryIndex(source);
        }
        catch (FerryException)
        {
            try
            {
                return DependencyLowering.ParseUrl(source);
            }
            catch (FerryException e)
            {
                var hint = source == "crates" && !isConfig ? "\nFor crates.io, use [patch.crates-io] (with a dash)" : string.Empty;
                throw new FerryException($"[patch] entry `{source}` should be a URL or registry name{hint}", e);
            }
        }
    }

    private static void WarnOnUnused(ImmutableArray<string> unused, List<string> warnings)
    {
        foreach (var key in unused)
        {
            var message = $"unused manifest key: {key}";
            if (Array.IndexOf(TopLevelConfigKeys, key) >= 0)
            {
                message += $"\nhelp: {key} is a valid .cargo/config.toml key";
            }

            warnings.Add(message);
        }
    }
}
