namespace Ferry.Testsuite.Sources;

/// <summary>The <c>name version</c> of every <c>[[package]]</c> in a Cargo.lock (what a resolve is compared against).</summary>
internal static class LockfilePackages
{
    public static List<string> Read(string path)
    {
        var result = new List<string>();
        string? name = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("name = \"", StringComparison.Ordinal))
            {
                name = line["name = \"".Length..^1];
            }
            else if (line.StartsWith("version = \"", StringComparison.Ordinal) && name is not null)
            {
                result.Add($"{name} {line["version = \"".Length..^1]}");
                name = null;
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
