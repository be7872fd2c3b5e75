using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// Replays every <see cref="TargetCases"/> fixture through the real Cargo and through
/// <see cref="TargetDiscovery"/> in the same directory, and compares whole outputs: the
/// <c>targets</c> array of <c>cargo metadata</c> (values, order and key order), and the complete
/// stderr of <c>cargo metadata</c> (hard errors) and <c>cargo fetch</c> (warnings, then the first
/// deferred error) against what Ferry's CLI would print from the result.
/// </summary>
public sealed class TargetDifferentialTests
{
    public static TheoryData<string> CaseIds()
    {
        var ids = new TheoryData<string>();
        foreach (var target in TargetCases.All)
        {
            ids.Add(target.Id);
        }

        return ids;
    }

    [Fact]
    public void ThereAreEnoughDistinctCases()
    {
        Assert.True(TargetCases.All.Length >= 40);
        Assert.Equal(TargetCases.All.Length, TargetCases.ById.Count);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void MatchesCargo(string id)
    {
        var fixture = TargetCases.ById[id];
        using var package = new TempPackage();
        fixture.Materialize(package.Root);

        TargetDiscoveryResult? result = null;
        FerryException? failure = null;
        try
        {
            result = TargetDiscovery.Discover(fixture.Input(package.Root));
        }
        catch (FerryException e)
        {
            failure = e;
        }

        var metadata = CargoOracle.Metadata(package.Root, package.CargoHome);
        if (metadata.ExitCode != 0)
        {
            Assert.True(failure is not null, "cargo failed but Ferry did not:\n" + metadata.Stderr);
            Assert.Equal(metadata.Stderr, RenderManifestError(package.Manifest, failure));
            return;
        }

        Assert.True(failure is null, "Ferry failed but cargo did not:\n" + (failure is null ? null : RenderManifestError(package.Manifest, failure)));
        Assert.Equal(string.Empty, metadata.Stderr);
        var expected = JsonNode.Parse(metadata.Stdout)!["packages"]![0]!["targets"]!.ToJsonString();
        Assert.Equal(expected, MetadataTargets(result!.Targets));

        var fetch = CargoOracle.Fetch(package.Root, package.CargoHome);
        Assert.Equal(WithoutForeignWarnings(fetch.Stderr), RenderDiagnostics(package.Manifest, result));
        Assert.Equal(fetch.ExitCode == 0, result.Errors.IsEmpty);
    }

    /// <summary>
    /// Drops the warnings other parts of manifest loading add to the same output; the one fixtures
    /// can trigger is the missing-edition warning of <c>[package]</c>.
    /// </summary>
    internal static string WithoutForeignWarnings(string stderr) =>
        stderr.Replace("warning: no edition set: defaulting to the 2015 edition while the latest is 2024\n", string.Empty, StringComparison.Ordinal);

    /// <summary>Ferry's targets as <c>cargo metadata</c> JSON, re-serialized like Cargo's for a text comparison.</summary>
    internal static string MetadataTargets(IEnumerable<Target> targets)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var target in targets)
            {
                TargetMetadataJson.Write(writer, target);
            }

            writer.WriteEndArray();
        }

        return JsonNode.Parse(buffer.ToArray())!.ToJsonString();
    }

    /// <summary>What Cargo prints for a package whose manifest has these warnings and deferred errors.</summary>
    internal static string RenderDiagnostics(string manifest, TargetDiscoveryResult result)
    {
        var text = new StringBuilder();
        foreach (var warning in result.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        if (!result.Errors.IsEmpty)
        {
            text.Append(RenderManifestError(manifest, new FerryException(result.Errors[0])));
        }

        return text.ToString();
    }

    /// <summary>Cargo's framing of a manifest error: the error chain under "failed to parse manifest".</summary>
    internal static string RenderManifestError(string manifest, Exception error)
    {
        var text = new StringBuilder("error: failed to parse manifest at `").Append(manifest).Append("`\n");
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            text.Append("\nCaused by:\n");
            foreach (var line in cause.Message.Split('\n'))
            {
                text.Append(line.Length == 0 ? string.Empty : "  " + line).Append('\n');
            }
        }

        return text.ToString();
    }
}
