using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;
using Ferry.Core.Urls;
using Ferry.Semver;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// Cargo's <c>dep_to_dependency</c> and <c>to_dependency_source_id</c>: one written dependency becomes a
/// <see cref="Dependency"/> with its source, in the order Cargo checks things (so the same mistake gets
/// the same message).
/// </summary>
internal static class DependencyLowering
{
    public static Dependency ToDependency(
        TomlDependency written,
        string nameInToml,
        DependencyKind kind,
        TargetPlatform? platform,
        SourceId manifestSource,
        string manifestDir,
        IManifestEnvironment environment,
        List<string> warnings)
    {
        var d = written.AsDetailed();
        if (d.Version is null && d.Path is null && d.Git is null)
        {
            throw new FerryException(
                $"dependency ({nameInToml}) specified without providing a local path, Git repository, version, or workspace dependency to use");
        }

        if (d.Version is { } written_version && CargoSemverMessages.HasBuildMetadata(written_version))
        {
            warnings.Add(CargoSemverMessages.BuildMetadataIgnoredWarning(written_version, nameInToml));
        }

        if (d.Git is null)
        {
            foreach (var (value, key) in new[] { (d.Branch, "branch"), (d.Tag, "tag"), (d.Rev, "rev") })
            {
                if (value is not null)
                {
                    throw new FerryException($"key `{key}` is ignored for dependency ({nameInToml}).");
                }
            }
        }

        foreach (var feature in d.Features ?? [])
        {
            if (feature.Contains('/', StringComparison.Ordinal))
            {
                throw new FerryException(
                    $"feature `{feature}` in dependency `{nameInToml}` is not allowed to contain slashes\n"
                    + "If you want to enable features of a transitive dependency, the direct dependency needs to re-export those features from the `[features]` table.");
            }

            if (feature.StartsWith("dep:", StringComparison.Ordinal))
            {
                throw new FerryException(
                    $"feature `{feature}` in dependency `{nameInToml}` is not allowed to use explicit `dep:` syntax\n"
                    + "If you want to enable an optional dependency, specify the name of the optional dependency without the `dep:` prefix, or specify a feature from the dependency's `[features]` table that enables the optional dependency.");
            }
        }

        var source = SourceIdOf(d, nameInToml, manifestSource, manifestDir, environment, warnings);
        var packageName = d.Package ?? nameInToml;
        VersionReq req;
        if (d.Version is { } version)
        {
            try
            {
                req = VersionReq.Parse(version);
            }
            catch (FormatException e)
            {
                throw new FerryException(CargoSemverMessages.FailedToParseDependencyReq(version, packageName), new FerryException(e.Message));
            }
        }
        else
        {
            req = VersionReq.Star;
        }

        SourceId? registryId = null;
        if (d.Registry is { } registry)
        {
            registryId = AltRegistry(registry, environment);
        }

        if (d.RegistryIndex is { } index)
        {
            registryId = SourceId.ForRegistry(ParseUrl(index));
        }

        if (d.Artifact is not null)
        {
            throw new FerryException($"`artifact = …` requires `-Z bindeps` ({nameInToml})");
        }

        if (d.Lib is not null)
        {
            throw new FerryException($"'lib' specifier cannot be used without an 'artifact = …' value ({nameInToml})");
        }

        if (d.Target is not null)
        {
            throw new FerryException($"'target' specifier cannot be used without an 'artifact = …' value ({nameInToml})");
        }

        return new Dependency
        {
            PackageName = packageName,
            Source = source,
            Req = req,
            SpecifiedReq = d.Version is not null,
            Kind = kind,
            ExplicitNameInToml = d.Package is null ? null : nameInToml,
            Optional = d.Optional ?? false,
            Public = d.Public ?? false,
            DefaultFeatures = d.EffectiveDefaultFeatures ?? true,
            Features = d.Features ?? [],
            Platform = platform,
            RegistryId = registryId,
            LocalPath = source.IsPath ? source.LocalPath : null,
        };
    }

    private static SourceId SourceIdOf(
        TomlDetailedDependency d,
        string nameInToml,
        SourceId manifestSource,
        string manifestDir,
        IManifestEnvironment environment,
        List<string> warnings)
    {
        // Cargo 1.95's order of these checks.
        if (d.Git is not null && (d.Registry is not null || d.RegistryIndex is not null))
        {
            throw new FerryException($"dependency ({nameInToml}) specification is ambiguous. Only one of `git` or `registry` is allowed.");
        }

        if (d.Registry is not null && d.RegistryIndex is not null)
        {
            throw new FerryException($"dependency ({nameInToml}) specification is ambiguous. Only one of `registry` or `registry-index` is allowed.");
        }

        if (d.Git is not null && d.Path is not null)
        {
            throw new FerryException($"dependency ({nameInToml}) specification is ambiguous. Only one of `git` or `path` is allowed.");
        }

        if (d.Git is { } git)
        {
            var details = (d.Branch is null ? 0 : 1) + (d.Tag is null ? 0 : 1) + (d.Rev is null ? 0 : 1);
            if (details > 1)
            {
                throw new FerryException($"dependency ({nameInToml}) specification is ambiguous. Only one of `branch`, `tag` or `rev` is allowed.");
            }

            var reference = d.Branch is { } branch ? GitReference.Branch(branch)
                : d.Tag is { } tag ? GitReference.Tag(tag)
                : d.Rev is { } rev ? GitReference.Rev(rev)
                : GitReference.DefaultBranch;
            var url = ParseUrl(git);
            if (url.Fragment is { } fragment)
            {
                warnings.Add(
                    $"URL fragment `#{fragment}` in git URL is ignored for dependency ({nameInToml}). If you were trying to specify a specific git revision, use `rev = \"{fragment}\"` in the dependency declaration.");
            }

            return SourceId.ForGit(url, reference);
        }

        if (d.Path is { } path)
        {
            if (!manifestSource.IsPath)
            {
                return manifestSource;
            }

            return SourceId.ForPath(TargetPaths.Normalize(TargetPaths.Resolve(manifestDir, path)));
        }

        if (d.Registry is { } registry)
        {
            return AltRegistry(registry, environment);
        }

        if (d.RegistryIndex is { } index)
        {
            return SourceId.ForRegistry(ParseUrl(index));
        }

        return SourceId.CratesIo;
    }

    /// <summary>Cargo's <c>SourceId::alt_registry</c>: <c>crates-io</c>, or a registry named in configuration.</summary>
    public static SourceId AltRegistry(string name, IManifestEnvironment environment) =>
        name == SourceId.CratesIoRegistryName ? SourceId.CratesIo : SourceId.ForRegistry(environment.RegistryIndex(name), name);

    /// <summary>Cargo's <c>IntoUrl</c> for manifest strings, with its message.</summary>
    public static Url ParseUrl(string text) =>
        Url.TryParse(text, out var url, out var error) ? url : throw new FerryException($"invalid url `{text}`: {error}");
}
