using System.Text;
using System.Text.Json;
using Ferry.Toml;
using Ferry.Tools.TomlTestDecoder;
using Xunit.Abstractions;

namespace Ferry.Tests.Toml;

/// <summary>Every TOML 1.0 case of toml-test, parsed in-process from the file's bytes.</summary>
public sealed class ConformanceTests
{
    private readonly ITestOutputHelper _output;

    public ConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ValidCasesDecodeToTheExpectedValues()
    {
        var cases = TestData.Toml10Cases("valid");
        var failures = new List<string>();
        foreach (string path in cases)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path));
            string expected = File.ReadAllText(Path.Combine(TestData.TomlTestRoot, Path.ChangeExtension(path, ".json")));
            try
            {
                var document = TomlDocument.Parse(bytes);
                if (TaggedJsonComparer.Compare(JsonDocument.Parse(expected).RootElement, ToTaggedJson(document)) is { } diff)
                {
                    failures.Add($"{path}: {diff}");
                }
            }
            catch (TomlParseException e)
            {
                failures.Add($"{path}: rejected: {e.Message}");
            }
        }
        _output.WriteLine($"toml-test 1.0 valid (library): {cases.Count - failures.Count}/{cases.Count}");
        Assert.True(cases.Count >= 200, "the valid case list looks truncated");
        Assert.Empty(failures);
    }

    [Fact]
    public void InvalidCasesAreRejected()
    {
        var cases = TestData.Toml10Cases("invalid");
        var accepted = new List<string>();
        foreach (string path in cases)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path));
            try
            {
                TomlDocument.Parse(bytes);
                accepted.Add(path);
            }
            catch (TomlParseException)
            {
            }
        }
        _output.WriteLine($"toml-test 1.0 invalid (library): {cases.Count - accepted.Count}/{cases.Count}");
        Assert.True(cases.Count >= 450, "the invalid case list looks truncated");
        Assert.Empty(accepted);
    }

    [Fact]
    public void ValidCasesRoundTripByteForByte()
    {
        var cases = TestData.Toml10Cases("valid");
        var failures = new List<string>();
        foreach (string path in cases)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path));
            if (Encoding.UTF8.GetBytes(TomlDocument.Parse(bytes).ToString()) is var written && !written.AsSpan().SequenceEqual(bytes))
            {
                failures.Add(path);
            }
        }
        _output.WriteLine($"toml-test 1.0 valid round trip: {cases.Count - failures.Count}/{cases.Count}");
        Assert.Empty(failures);
    }

    /// <summary>
    /// The invalid cases only TOML 1.0 has are rejected by default and, apart from the 1.0 spec's examples of
    /// errors that 1.1 still forbids, accepted once the TOML 1.1 extensions are switched on.
    /// </summary>
    [Fact]
    public void Toml11OptionsAcceptWhatOnlyToml10Rejects()
    {
        var only10 = File.ReadAllLines(Path.Combine(TestData.ConformanceRoot, "toml-test", "only-in-toml-1.0.0.txt"))
            .Where(l => l.StartsWith("invalid/", StringComparison.Ordinal) && l.EndsWith(".toml", StringComparison.Ordinal))
            .ToList();
        var accepted11 = new List<string>();
        foreach (string path in only10)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path));
            Assert.Throws<TomlParseException>(() => TomlDocument.Parse(bytes));
            try
            {
                TomlDocument.Parse(bytes, TomlParseOptions.Toml11);
                accepted11.Add(path);
            }
            catch (TomlParseException e)
            {
                Assert.True(path.StartsWith("invalid/spec-1.0.0/", StringComparison.Ordinal), $"{path} rejected with 1.1 options: {e.Reason}");
            }
        }
        _output.WriteLine($"1.0-only invalid cases accepted with TomlParseOptions.Toml11: {accepted11.Count}/{only10.Count}");
        Assert.Equal(
            only10.Where(p => !p.StartsWith("invalid/spec-1.0.0/", StringComparison.Ordinal)).ToList(),
            accepted11);
    }

    internal static JsonElement ToTaggedJson(TomlDocument document)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TaggedJson.WriteTable(writer, document.Root);
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }
}
