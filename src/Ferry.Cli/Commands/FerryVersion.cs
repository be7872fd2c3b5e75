using System.Reflection;
using System.Runtime.InteropServices;

namespace Ferry.Cli.Commands;

/// <summary>Version text in Cargo's shape: <c>ferry 0.1.0 (1a2b3c4d5 2026-11-22)</c>.</summary>
internal static class FerryVersion
{
    public const string Number = "0.1.0";

    public static string Short()
    {
        var (hash, date) = CommitInfo();
        return hash is null ? $"ferry {Number}" : $"ferry {Number} ({hash[..Math.Min(9, hash.Length)]} {date})";
    }

    public static string Verbose()
    {
        var (hash, date) = CommitInfo();
        var lines = new List<string> { Short(), $"release: {Number}" };
        if (hash is not null)
        {
            lines.Add($"commit-hash: {hash}");
            lines.Add($"commit-date: {date}");
        }

        lines.Add($"host: {HostTriple()}");
        lines.Add($"runtime: .NET {Environment.Version}");
        lines.Add($"os: {RuntimeInformation.OSDescription}");
        return string.Join('\n', lines) + "\n";
    }

    private static (string? Hash, string? Date) CommitInfo()
    {
        string? hash = null;
        string? date = null;
        foreach (var attribute in typeof(FerryVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "FerryCommitHash" && !string.IsNullOrWhiteSpace(attribute.Value))
            {
                hash = attribute.Value.Trim();
            }
            else if (attribute.Key == "FerryCommitDate" && !string.IsNullOrWhiteSpace(attribute.Value))
            {
                date = attribute.Value.Trim();
            }
        }

        return (hash, date);
    }

    private static string HostTriple()
    {
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "aarch64",
            Architecture.X86 => "i686",
            var other => other.ToString().ToLowerInvariant(),
        };
        return OperatingSystem.IsLinux() ? $"{arch}-unknown-linux-gnu"
            : OperatingSystem.IsMacOS() ? $"{arch}-apple-darwin"
            : $"{arch}-pc-windows-msvc";
    }
}
