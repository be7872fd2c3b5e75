using System.Text.Json;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>One recorded Cargo run on a broken or unusual Cargo.lock (see <c>Data/make-error-cases.py</c>).</summary>
public sealed record LockfileErrorCase(string Name, byte[] Input, int Exit, string Stderr)
{
    public static IReadOnlyList<LockfileErrorCase> All { get; } = Load();

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static LockfileErrorCase Get(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;

    private static List<LockfileErrorCase> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(LockfileTestData.DataFile("lockfile-error-cases.json")));
        var cases = new List<LockfileErrorCase>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            var input = element.TryGetProperty("inputHex", out var hex)
                ? Convert.FromHexString(hex.GetString()!)
                : System.Text.Encoding.UTF8.GetBytes(element.GetProperty("input").GetString()!);
            cases.Add(new LockfileErrorCase(
                element.GetProperty("name").GetString()!,
                input,
                element.GetProperty("exit").GetInt32(),
                element.GetProperty("stderr").GetString()!));
        }

        return cases;
    }
}
