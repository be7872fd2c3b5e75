using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Semver;
using Ferry.Sources;
using Ferry.Sources.Http;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>
/// Registries that require a token (<c>auth-required</c> in config.json): where the token comes
/// from, Cargo's errors when it is missing or rejected, and that it is sent to the index's own
/// origin only and never printed.
/// </summary>
public sealed class RegistryAuthTests : IDisposable
{
    private const string Token = "s3cret-token-value";

    private readonly SourceWorld _world = new();
    private readonly TestRegistry _registry = new() { RequiredToken = Token };

    public RegistryAuthTests()
    {
        _registry.Publish("a", "1.0.0");
    }

    public void Dispose()
    {
        _world.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public async Task TokenFromConfigIsSentAfterTheUnauthenticatedProbe()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: Token);
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server)));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(
            [("/index/config.json", null), ("/index/config.json", Token), ("/index/1/a", Token)],
            server.Requests.Select(r => (r.Path, r.Header("authorization"))));
        Assert.DoesNotContain(_world.Shell.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CachedConfigSayingAuthRequiredSkipsTheProbe()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: Token);
        using (var first = _world.Registry())
        {
            await SourceWorld.ResolveAsync(first, _world.RootPackage(Dependency(server)));
        }

        server.ClearRequests();
        using var second = _world.Registry();
        await SourceWorld.ResolveAsync(second, _world.RootPackage(Dependency(server)));

        Assert.All(server.Requests, request => Assert.Equal(Token, request.Header("authorization")));
    }

    [Fact]
    public async Task ARegistryThatStartedRequiringATokenSinceItsConfigWasCachedGetsIt()
    {
        using var open = new TestRegistry();
        open.Publish("a", "1.0.0");
        using var server = open.Serve();
        Configure(server, providers: true, token: Token);
        using (var first = _world.Registry())
        {
            await SourceWorld.ResolveAsync(first, _world.RootPackage(Dependency(server)));
        }

        // The cached config.json says no token; the file is asked for alongside config.json
        // without one, refused, and asked for again with the token config.json now requires.
        open.RequiredToken = Token;
        server.ClearRequests();
        using var second = _world.Registry();
        var outcome = await SourceWorld.ResolveAsync(second, _world.RootPackage(Dependency(server)));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(
            [("/index/1/a", null), ("/index/1/a", Token), ("/index/config.json", null), ("/index/config.json", Token)],
            server.Requests.Select(r => (r.Path, r.Header("authorization"))).Order());
    }

    [Fact]
    public async Task TokenFromTheEnvironment()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: null);
        _world.Variables["CARGO_REGISTRIES_PRIVATE_TOKEN"] = Token;
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server)));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TokenFromTheCredentialsFileCargoLoginWrote()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: null);
        var credentials = Path.Combine(_world.CargoHome, "credentials.toml");
        File.WriteAllText(credentials, $"[registries.private]\ntoken = \"{Token}\"\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server)));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task CredentialsFileOthersCanReadIsRefused()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: null);
        var credentials = Path.Combine(_world.CargoHome, "credentials.toml");
        File.WriteAllText(credentials, $"[registries.private]\ntoken = \"{Token}\"\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server))));

        Assert.EndsWith(
            $"\nCaused by:\n  the credentials file `{credentials}` is readable by other users\n  help: make it private with `chmod 600 {credentials}`\n",
            ErrorText.Render(error),
            StringComparison.Ordinal);
        Assert.All(server.Requests, request => Assert.Null(request.Header("authorization")));
    }

    [Fact]
    public async Task MissingTokenIsCargosError()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: null);
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server))));

        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  no token found for `private`, please run `cargo login --registry private`\n  or use environment variable CARGO_REGISTRIES_PRIVATE_TOKEN\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task RejectedTokenIsCargosErrorWithoutTheToken()
    {
        using var server = _registry.Serve();
        Configure(server, providers: true, token: "wrong-token");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server))));

        var text = ErrorText.Render(error);
        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  token rejected for `private`, please run `cargo login --registry private`\n  or use environment variable CARGO_REGISTRIES_PRIVATE_TOKEN\n"
            + $"\nCaused by:\n  failed to get successful HTTP response from `{server.BaseUrl}/index/config.json`, got 401\n  body:\n  token required\n",
            text);
        Assert.DoesNotContain("wrong-token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingWithATokenNeedsAConfiguredProvider()
    {
        using var server = _registry.Serve();
        Configure(server, providers: false, token: Token);
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(Dependency(server))));

        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  authenticated registries require a credential-provider to be configured\n  see https://doc.rust-lang.org/cargo/reference/registry-authentication.html for details\n",
            ErrorText.Render(error));
        Assert.All(server.Requests, request => Assert.Null(request.Header("authorization")));
    }

    [Fact]
    public async Task TokenIsNeverSentToAnotherOrigin()
    {
        using var other = new TestHttpServer(_ => TestResponse.Text(200, "ok"));
        using var index = new TestHttpServer(request => request.Path == "/redirect"
            ? TestResponse.Text(302, "moved", ("Location", other.BaseUrl + "/landed"))
            : TestResponse.Text(200, "ok"));
        var shell = new SourceShell();
        using var session = new HttpSession(new HttpSettings { UserAgent = "test" }, shell, new SourceStatistics());
        var origin = new Uri(index.BaseUrl);

        await session.GetAsync(new HttpFetch(new Uri(index.BaseUrl + "/file"), "file", Authorization: Token, AuthorizedOrigin: origin), CancellationToken.None);
        await session.GetAsync(new HttpFetch(new Uri(other.BaseUrl + "/file"), "file", Authorization: Token, AuthorizedOrigin: origin), CancellationToken.None);
        await session.GetAsync(new HttpFetch(new Uri(index.BaseUrl + "/redirect"), "file", Authorization: Token, AuthorizedOrigin: origin), CancellationToken.None);

        Assert.Equal([Token, Token], index.Requests.Select(r => r.Header("authorization")));
        Assert.Equal([("/file", null), ("/landed", null)], other.Requests.Select(r => (r.Path, r.Header("authorization"))));
    }

    private void Configure(TestHttpServer server, bool providers, string? token)
    {
        var text = providers ? "[registry]\nglobal-credential-providers = [\"cargo:token\"]\n" : string.Empty;
        text += $"[registries.private]\nindex = \"sparse+{server.BaseUrl}/index/\"\n";
        if (token is not null)
        {
            text += $"token = \"{token}\"\n";
        }

        _world.Config(text);
    }

    private static Dependency Dependency(TestHttpServer server)
    {
        var source = SourceId.ForRegistry(Url.Parse($"sparse+{server.BaseUrl}/index/"), "private");
        return new Dependency
        {
            PackageName = "a",
            Source = source,
            RegistryId = source,
            Req = VersionReq.Parse("1"),
            SpecifiedReq = true,
        };
    }
}
