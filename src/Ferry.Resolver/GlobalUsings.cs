global using Version = Ferry.Semver.Version;
