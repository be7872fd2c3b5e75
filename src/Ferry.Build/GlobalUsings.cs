// Ferry.Semver.Version, not System.Version, everywhere in this project.
global using Version = Ferry.Semver.Version;
