namespace Ferry.Core.Manifest.Targets;

/// <summary>A target found on disk: its name (file stem or directory name) and package-relative path.</summary>
internal readonly record struct InferredTarget(string Name, string Path);
