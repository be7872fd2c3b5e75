namespace Ferry.Build.Layout;

/// <summary>
/// The directories of one compile kind under the target directory (Cargo's <c>Layout</c>):
/// <c>target/debug/</c> (or <c>target/TRIPLE/debug/</c>) with <c>deps</c>, <c>build</c>, <c>examples</c>,
/// <c>incremental</c> and <c>.fingerprint</c>.
/// </summary>
public sealed record BuildLayout(string Root, string Dest)
{
    public static BuildLayout For(string targetDir, string? triple, string profileDir)
    {
        var root = triple is null ? targetDir : Path.Combine(targetDir, triple);
        return new BuildLayout(root, Path.Combine(root, profileDir));
    }

    public string Deps => Path.Combine(Dest, "deps");

    public string Build => Path.Combine(Dest, "build");

    public string Examples => Path.Combine(Dest, "examples");

    public string Incremental => Path.Combine(Dest, "incremental");

    public string Fingerprint => Path.Combine(Dest, ".fingerprint");

    public string Tmp => Path.Combine(Root, "tmp");

    /// <summary>Creates the directories a build writes into (Cargo's <c>Layout::prepare</c>).</summary>
    public void Prepare()
    {
        CreateExcludedFromBackups(Root);
        Directory.CreateDirectory(Deps);
        Directory.CreateDirectory(Fingerprint);
        Directory.CreateDirectory(Examples);
        Directory.CreateDirectory(Incremental);
        Directory.CreateDirectory(Build);
    }

    /// <summary>Cargo marks the target directory as a cache (<c>CACHEDIR.TAG</c>) so backup tools skip it; <c>clean --target-dir</c> checks for the tag.</summary>
    public static void CreateExcludedFromBackups(string directory)
    {
        Directory.CreateDirectory(directory);
        var tag = Path.Combine(directory, "CACHEDIR.TAG");
        if (!File.Exists(tag))
        {
            try
            {
                File.WriteAllText(tag, "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo.\n# For information about cache directory tags see https://bford.info/cachedir/\n");
            }
            catch (IOException)
            {
            }
        }
    }
}
