using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ferry.Testsuite.Build;
using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Doc;

/// <summary>
/// The docs <c>ferry doc</c> writes work in a browser: headless Chromium loads the crate's
/// <c>index.html</c>, a link into a dependency's directory under <c>target/doc</c> is clicked,
/// and the page it leads to must be the dependency's item; screenshots of both pages are kept
/// under the test output's <c>screenshots/</c>. A two-crate workspace runs by default; the shared
/// medium project (79 registry packages, also compared with <c>cargo doc</c>) only with
/// FERRY_SLOW_TESTS=1.
/// </summary>
public sealed partial class DocBrowserTests
{
    private readonly ITestOutputHelper _output;

    public DocBrowserTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static bool Slow => System.Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";

    private static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [ChromiumFact]
    public async Task PathDependencyLinkOpensTheDependencysPage()
    {
        using var sandbox = new Sandbox();
        sandbox.File("Cargo.toml", """
            [package]
            name = "shelf"
            version = "0.1.0"
            edition = "2021"

            [dependencies]
            widgets = { path = "widgets" }

            [workspace]
            """);
        sandbox.File("src/lib.rs", """
            //! A shelf of [`widgets::Widget`]s.

            /// Puts a [`widgets::Widget`] on the shelf.
            pub fn stock() -> widgets::Widget { widgets::Widget }
            """);
        sandbox.File("widgets/Cargo.toml", """
            [package]
            name = "widgets"
            version = "0.1.0"
            edition = "2021"
            """);
        sandbox.File("widgets/src/lib.rs", """
            //! Widgets.

            /// A widget.
            pub struct Widget;
            """);

        var doc = ProcessRunner.Run(Tools.Ferry, ["doc"], sandbox.Work, sandbox.Environment(), TimeSpan.FromMinutes(5));
        Assert.True(doc.ExitCode == 0, doc.ToString());
        Assert.Contains($"Generated {sandbox.Path("target", "doc", "shelf", "index.html")}", doc.Stderr, StringComparison.Ordinal);

        var followed = await FollowDependencyLinkAsync(sandbox.Path("target", "doc"), "shelf", "fast");
        Assert.Equal("widgets", followed.Crate);
        Assert.Equal("struct.Widget.html", followed.Page);
        Assert.Equal("Struct Widget", followed.Heading.Replace("Copy item path", string.Empty, StringComparison.Ordinal).Trim());
    }

    [RegistryFact]
    public async Task MediumProjectDocsMatchCargoAndTheirLinksWork()
    {
        if (!Slow || !File.Exists(HeadlessChromium.Executable))
        {
            _output.WriteLine("set FERRY_SLOW_TESTS=1 (and install chromium) to document the medium registry project");
            return;
        }

        using var server = new StaticRegistryServer(RegistryServer.RegistryRoot) { ServeOwnConfig = true };
        using var cargo = ProjectSandbox("medium", server);
        using var ferry = ProjectSandbox("medium", server);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var c = ProcessRunner.Run(Tools.Cargo, ["doc", "-j2"], cargo.Work, cargo.Environment(), TimeSpan.FromMinutes(40));
        var cargoTime = clock.Elapsed;
        clock.Restart();
        var f = ProcessRunner.Run(Tools.Ferry, ["doc", "-j2"], ferry.Work, ferry.Environment(), TimeSpan.FromMinutes(40));
        _output.WriteLine($"cargo doc: {cargoTime.TotalSeconds:F1} s, ferry doc: {clock.Elapsed.TotalSeconds:F1} s (downloads included)");
        Assert.True(c.ExitCode == 0, c.ToString());
        Assert.True(f.ExitCode == 0, f.ToString());
        Assert.Equal(Statuses(c.Stderr, cargo), Statuses(f.Stderr, ferry));
        Assert.Equal(DocFiles(cargo), DocFiles(ferry));
        // Every HTML page byte for byte: rustdoc ran with the same flags and features for every crate.
        var pages = DocFiles(ferry).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var differing = pages.Where(p => !SamePage(cargo, ferry, p)).ToList();
        _output.WriteLine($"{pages.Count} pages compared, {differing.Count} differ");
        Assert.True(differing.Count == 0, "pages differ between cargo and ferry:\n" + string.Join('\n', differing.Take(20)));

        var followed = await FollowDependencyLinkAsync(ferry.Path("target", "doc"), "reg_medium", "medium");
        _output.WriteLine($"followed a link into {followed.Crate}/{followed.Page}: {followed.Heading}");
        Assert.NotEqual("reg_medium", followed.Crate);
    }

    /// <summary>
    /// Opens the crate's index (then, if that links to no dependency, its own item pages), clicks
    /// the first link into another crate's directory, and checks the page that loads.
    /// </summary>
    private async Task<FollowedLink> FollowDependencyLinkAsync(string docRoot, string crate, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await using var browser = await HeadlessChromium.StartAsync();
        var root = new Uri(docRoot + "/").AbsoluteUri;
        var index = new Uri(Path.Combine(docRoot, crate, "index.html")).AbsoluteUri;
        await browser.NavigateAsync(index);
        Assert.Equal($"{crate} - Rust", (await browser.EvaluateAsync("document.title"))?.GetValue<string>());
        var heading = (await browser.EvaluateAsync("document.querySelector('h1').textContent"))?.GetValue<string>() ?? string.Empty;
        Assert.Contains(crate, heading, StringComparison.Ordinal);
        await SaveScreenshotAsync(browser, $"{name}-{crate}-index.png");

        // The crate's own pages, index first: the first with a link into another crate's docs is used.
        var pages = new List<string> { index };
        var ownPages = await browser.EvaluateAsync($"Array.from(document.querySelectorAll('a[href]')).map(a => a.href).filter(h => h.startsWith({JsonSerializer.Serialize(root + crate + "/")}) && /\\/(struct|enum|trait|fn|type)\\.[^/]+\\.html$/.test(h))");
        pages.AddRange(ownPages!.AsArray().Select(n => n!.GetValue<string>()).Distinct(StringComparer.Ordinal));
        foreach (var page in pages)
        {
            if (page != index)
            {
                await browser.NavigateAsync(page);
            }

            var href = (await browser.EvaluateAsync($$"""
                (() => {
                  const root = {{JsonSerializer.Serialize(root)}};
                  const skip = new Set([{{JsonSerializer.Serialize(crate)}}, 'src', 'static.files', 'settings.html', 'help.html', 'all.html', 'trait.impl', 'type.impl']);
                  for (const a of document.querySelectorAll('#main-content a[href]')) {
                    if (!a.href.startsWith(root)) continue;
                    const first = a.href.slice(root.length).split('/')[0];
                    if (skip.has(first) || !a.href.endsWith('.html') || a.href.includes('#')) continue;
                    a.setAttribute('data-ferry-test', 'dependency-link');
                    return a.href;
                  }
                  return null;
                })()
                """))?.GetValue<string>();
            if (href is null)
            {
                continue;
            }

            _output.WriteLine($"{page}: clicking {href}");
            await browser.ClickAndWaitAsync("a[data-ferry-test=dependency-link]");

            // Re-exports are redirect pages (`clap/derive/trait.Args.html` -> `clap/trait.Args.html`): wait for the page that stays.
            var location = await SettledLocationAsync(browser);
            _output.WriteLine($"landed on {location}");
            Assert.StartsWith(root, location, StringComparison.Ordinal);
            var parts = location[root.Length..].Split('/');
            Assert.NotEqual(crate, parts[0]);
            var title = (await browser.EvaluateAsync("document.title"))!.GetValue<string>();
            var h1 = (await browser.EvaluateAsync("document.querySelector('h1').textContent"))!.GetValue<string>();
            var item = ItemName().Match(parts[^1]) is { Success: true } m ? m.Groups[1].Value : parts[^2];
            Assert.Contains(item, h1, StringComparison.Ordinal);
            Assert.EndsWith(" - Rust", title, StringComparison.Ordinal);
            await SaveScreenshotAsync(browser, $"{name}-{parts[0]}-{parts[^1]}.png");
            return new FollowedLink(parts[0], parts[^1], h1);
        }

        throw new Xunit.Sdk.XunitException($"no page of {crate} links into a dependency's docs");
    }

    private static async Task<string> SettledLocationAsync(HeadlessChromium browser)
    {
        var previous = string.Empty;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var state = (await browser.EvaluateAsync("[location.href, document.readyState === 'complete' && document.querySelector('h1') !== null]"))!.AsArray();
            var location = state[0]!.GetValue<string>();
            if (state[1]!.GetValue<bool>() && location == previous)
            {
                return location;
            }

            previous = location;
            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"the page did not settle (last at {previous})");
    }

    private async Task SaveScreenshotAsync(HeadlessChromium browser, string fileName)
    {
        var png = await browser.ScreenshotAsync();
        var path = Path.Combine(ScreenshotDirectory, fileName);
        await File.WriteAllBytesAsync(path, png);
        _output.WriteLine($"screenshot: {path} ({png.Length} bytes)");

        // A PNG signature, an IHDR of the window's size, and enough bytes to hold a rendered page.
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.True(png.Length > 20_000, $"{fileName} is only {png.Length} bytes: an empty page?");
    }

    /// <summary>
    /// Equal bytes, or equal once sandbox paths are masked: source pages name their file's absolute
    /// path, and Ferry's registry source directory is its own (<c>registry/src/HOST-HASH</c>, see the README).
    /// </summary>
    private static bool SamePage(Sandbox cargo, Sandbox ferry, string page)
    {
        var expected = File.ReadAllBytes(cargo.Path("target", "doc", page));
        var actual = File.ReadAllBytes(ferry.Path("target", "doc", page));
        return expected.AsSpan().SequenceEqual(actual)
            || BuildNormalizer.Text(System.Text.Encoding.UTF8.GetString(expected), cargo) == BuildNormalizer.Text(System.Text.Encoding.UTF8.GetString(actual), ferry);
    }

    private static Sandbox ProjectSandbox(string project, StaticRegistryServer server)
    {
        var sandbox = new Sandbox(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        var source = Path.Combine(RepoPaths.SharedRegistry, "projects", project);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!relative.StartsWith("target", StringComparison.Ordinal))
            {
                var destination = sandbox.Path(relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }

        return sandbox;
    }

    /// <summary>The Checking/Compiling/Documenting lines, sorted (jobs finish in varying order).</summary>
    private static List<string> Statuses(string stderr, Sandbox sandbox) =>
        [.. BuildNormalizer.Stderr(stderr, sandbox, exactOrder: false).Where(l => StatusLine().IsMatch(l))];

    private static List<string> DocFiles(Sandbox sandbox)
    {
        var root = sandbox.Path("target", "doc");
        // The search index's shards are named by content hash, and concurrent rustdoc runs merge into
        // them racily (in cargo as well), so only their number per kind is compared.
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => SearchShard().Replace(Path.GetRelativePath(root, f), "$1[HASH].js"))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    [GeneratedRegex(@"^\s*(Checking|Compiling|Documenting|Fresh|Dirty) ")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(search\.index/[^/]+/)[0-9a-f]+\.js$")]
    private static partial Regex SearchShard();

    [GeneratedRegex(@"^[a-z]+\.([A-Za-z0-9_]+)\.html$")]
    private static partial Regex ItemName();
}
