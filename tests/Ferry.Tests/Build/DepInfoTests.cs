using Ferry.Build.Fingerprints;

namespace Ferry.Tests.Build;

public sealed class DepInfoTests
{
    [Fact]
    public void ParsesRustcDepInfo()
    {
        var info = RustcDepInfo.Parse(
            "/t/deps/foo-1.d: src/lib.rs src/a\\ b.rs /abs/gen.rs\n\n" +
            "src/lib.rs:\nsrc/a\\ b.rs:\n\n" +
            "# env-dep:CARGO_PKG_NAME=foo\n# env-dep:MULTI=a\\nb\\\\c\n# env-dep:UNSET\n");
        Assert.Equal(["src/lib.rs", "src/a b.rs", "/abs/gen.rs"], info.Files);
        Assert.Equal([("CARGO_PKG_NAME", "foo"), ("MULTI", "a\nb\\c"), ("UNSET", (string?)null)], info.Env);
    }

    [Fact]
    public void EncodedDepInfoRoundTrips()
    {
        var info = new EncodedDepInfo([('P', "src/lib.rs"), ('B', "debug/build/x/out/gen.rs"), ('A', "/abs/with\ttab.rs")], [("VAR", "line1\nline2"), ("NONE", null)]);
        var parsed = EncodedDepInfo.Parse(info.Serialize())!;
        Assert.Equal(info.Files, parsed.Files);
        Assert.Equal(info.Env, parsed.Env);
        Assert.Null(EncodedDepInfo.Parse("garbage"));
        Assert.Equal("/pkg/src/lib.rs", EncodedDepInfo.Resolve(('P', "src/lib.rs"), "/pkg", "/target"));
        Assert.Equal("/target/x.rs", EncodedDepInfo.Resolve(('B', "x.rs"), "/pkg", "/target"));
    }
}
