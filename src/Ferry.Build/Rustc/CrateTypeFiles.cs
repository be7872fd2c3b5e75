namespace Ferry.Build.Rustc;

/// <summary>A crate type's output file name parts on a target (<c>lib</c> + name + <c>.rlib</c>), from <c>--print=file-names</c>.</summary>
public sealed record CrateTypeFiles(string Prefix, string Suffix);
