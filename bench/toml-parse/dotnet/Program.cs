using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ferry.Toml;

// Usage: TomlParseBench <file> <iterations>
// Prints one line per measurement: "<name>\t<ms per parse>\t<MB/s>" (MB = 10^6 bytes of the file).
string path = args[0];
int n = int.Parse(args[1], CultureInfo.InvariantCulture);
byte[] bytes = File.ReadAllBytes(path);
string text = Encoding.UTF8.GetString(bytes);

if (TomlDocument.Parse(text).ToString() != text)
{
    Console.Error.WriteLine("round trip is not exact");
    return 1;
}

Measure("Ferry.Toml parse (read model, from string)", () => TomlDocument.Parse(text));
Measure("Ferry.Toml parse (from UTF-8 bytes)", () => TomlDocument.Parse(bytes));
Measure("Ferry.Toml parse + read every value", () => Touch(TomlDocument.Parse(text).Root));
Measure("Ferry.Toml parse + ToString (lossless round trip)", () => TomlDocument.Parse(text).ToString());
return 0;

void Measure(string name, Func<object> parse)
{
    // Warm up until the JIT has tiered up, then time n parses.
    for (int i = 0; i < Math.Max(50, n / 4); i++)
    {
        GC.KeepAlive(parse());
    }
    GC.Collect();
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < n; i++)
    {
        GC.KeepAlive(parse());
    }
    clock.Stop();
    double ms = clock.Elapsed.TotalMilliseconds / n;
    double mbPerSecond = bytes.Length / 1e6 / (ms / 1000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{ms:F3}\t{mbPerSecond:F1}"));
}

// Decodes every string (they are decoded lazily) and visits every value, as a loader would.
static int Touch(TomlValue value)
{
    switch (value)
    {
        case TomlTable table:
            int sum = 0;
            foreach (var (_, v) in table)
            {
                sum += Touch(v);
            }
            return sum;
        case TomlArrayOfTables tables:
            return tables.Sum(t => Touch(t));
        case TomlArray array:
            return array.Sum(Touch);
        case TomlString s:
            return s.Value.Length;
        default:
            return 1;
    }
}
