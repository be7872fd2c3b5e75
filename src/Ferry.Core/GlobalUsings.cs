// Ferry.Semver.Version, not System.Version, everywhere in this project.
global using Version = Ferry.Semver.Version;

// The `Ferry.Platform` namespace shadows a plain `Platform` inside `Ferry.*` namespaces.
global using TargetPlatform = Ferry.Platform.Platform;
