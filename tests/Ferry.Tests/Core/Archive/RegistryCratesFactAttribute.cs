namespace Ferry.Tests.Core.Archive;

/// <summary>A fact over the ~1,500 real crates on the team machines; skipped, with the reason, where they are absent (CI).</summary>
public sealed class RegistryCratesFactAttribute : FactAttribute
{
    /// <summary>The Debian-derived local registry: <c>*.crate</c> files plus a sparse-style <c>index/</c>.</summary>
    public const string Directory = "/work/registry-out";

    public RegistryCratesFactAttribute()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            Skip = $"{Directory} does not exist (the registry built from Debian's packaged crates exists only on the team machines)";
        }
    }
}
