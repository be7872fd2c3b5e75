namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>One Cargo invocation's exit code and output.</summary>
internal sealed record CargoRun(int ExitCode, string Stdout, string Stderr);
