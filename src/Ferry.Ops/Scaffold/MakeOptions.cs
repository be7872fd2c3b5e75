namespace Ferry.Ops.Scaffold;

/// <summary>Everything <see cref="PackageMaker"/> needs once <c>new</c>/<c>init</c> have settled the name and sources.</summary>
internal sealed record MakeOptions(
    VersionControl? VersionControl,
    string Path,
    string Name,
    IReadOnlyList<SourceFile> Sources,
    string? Edition,
    string? Registry);
