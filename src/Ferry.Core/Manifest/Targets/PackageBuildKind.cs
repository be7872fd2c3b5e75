namespace Ferry.Core.Manifest.Targets;

/// <summary>The three shapes <c>package.build</c> can take in Cargo.toml.</summary>
public enum PackageBuildKind
{
    /// <summary><c>build = true</c> or <c>build = false</c>.</summary>
    Auto,

    /// <summary><c>build = "path/to/script.rs"</c>.</summary>
    Script,

    /// <summary><c>build = ["a.rs", "b.rs"]</c> (unstable <c>multiple-build-scripts</c>).</summary>
    Scripts,
}
