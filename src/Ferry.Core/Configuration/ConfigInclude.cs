namespace Ferry.Core.Configuration;

/// <summary>One entry of a file's <c>include</c> list: a path relative to the including file.</summary>
internal sealed record ConfigInclude(string Path, Definition Definition, bool Optional)
{
    /// <summary>
    /// The absolute, normalised path: relative to the directory of the including file (for
    /// <c>--config 'include=[..]'</c>, to the working directory). Null when the include is
    /// optional and the file is missing.
    /// </summary>
    public string? Resolve(string cwd)
    {
        var baseDirectory = Definition.FilePath is { } file ? System.IO.Path.GetDirectoryName(file) ?? cwd : cwd;
        var full = PathUtil.Normalize(PathUtil.Join(baseDirectory, Path));
        return Optional && !File.Exists(full) && !Directory.Exists(full) ? null : full;
    }
}
