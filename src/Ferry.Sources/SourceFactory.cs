using Ferry.Core.Identity;
using Ferry.Sources.Git;
using Ferry.Sources.Http;
using Ferry.Sources.Local;
using Ferry.Sources.Registry;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources;

/// <summary>
/// Creates the source serving a dependency's source id: follows <c>[source]</c> replacement, then
/// builds the kind of source the chain ended at, presenting the original id. Owns the run's one
/// HTTP session, created when the first sparse registry needs the network.
/// </summary>
internal sealed class SourceFactory : IDisposable
{
    private readonly IPackageManifestReader? _manifests;
    private readonly SourceOptions _options;
    private readonly Lazy<HttpSession> _http;
    private readonly Lazy<GitRepositories> _git;

    public SourceFactory(SourceConfigMap config, IPackageManifestReader? manifests, SourceOptions options, SourceStatistics statistics)
    {
        Config = config;
        _manifests = manifests;
        _options = options;
        Statistics = statistics;
        Credentials = new RegistryCredentials(config);
        _http = new Lazy<HttpSession>(
            () => new HttpSession(HttpSettings.From(config.Context, options), config.Context.Shell, statistics),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _git = new Lazy<GitRepositories>(() => new GitRepositories(config.Context), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SourceConfigMap Config { get; }

    public SourceStatistics Statistics { get; }

    public RegistryCredentials Credentials { get; }

    public IPackageManifestReader? Manifests => _manifests;

    public ISource Create(SourceId id)
    {
        var resolution = Config.Resolve(id);
        var actual = resolution.Actual;
        switch (actual.Kind)
        {
            case SourceKind.SparseRegistry:
                return new SparseRegistrySource(resolution, Config.Context.CargoHome, () => _http.Value, Credentials, Statistics, _options, Config.Context.Offline);
            case SourceKind.LocalRegistry:
                return new LocalRegistrySource(resolution, Statistics);
            case SourceKind.Directory:
                return new DirectorySource(resolution, _manifests ?? throw new FerryException("directory sources need a manifest reader"));
            case SourceKind.Path:
                return new PathSource(id, _manifests ?? throw new FerryException("path dependencies need a manifest reader"));
            case SourceKind.Registry:
                throw new FerryException(
                    $"git registry indexes are not supported yet ({actual.Url}); use the sparse protocol "
                    + (actual.IsCratesIo ? "(`registries.crates-io.protocol = \"sparse\"`, the default)" : "(a `sparse+` index URL)"));
            default:
                if (resolution.IsReplaced)
                {
                    throw new FerryException($"replacing {id} with the git repository {actual.Url} through `[source]` is not supported yet");
                }

                return new GitSource(id, _git.Value, _manifests ?? throw new FerryException("git dependencies need a manifest reader"));
        }
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
