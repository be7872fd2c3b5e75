using System.Text;
using Ferry.Toml;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The <c>Cargo.toml</c> of a new package, byte for byte what Cargo builds with toml_edit:
/// <c>[package]</c> (name, version, edition, publish; keys inherited from
/// <c>[workspace.package]</c> moved to the end as <c>key.workspace = true</c>), an empty
/// <c>[dependencies]</c>, the <c>[[bin]]</c>/<c>[lib]</c> tables for sources outside their default
/// places, then <c>[lints] workspace = true</c> when the workspace has lints; a blank line before
/// every table but the first.
/// </summary>
internal sealed record NewManifest(
    string Name,
    string Edition,
    string? Registry,
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<string> InheritedKeys,
    bool InheritLints)
{
    public override string ToString()
    {
        var package = new List<(string Key, string Line)>
        {
            ("name", $"name = {Quote(Name)}"),
            ("version", $"version = {Quote("0.1.0")}"),
            ("edition", $"edition = {Quote(Edition)}"),
        };
        if (Registry is not null)
        {
            package.Add(("publish", $"publish = [{Quote(Registry)}]"));
        }

        foreach (var key in InheritedKeys)
        {
            package.RemoveAll(entry => entry.Key == key);
            package.Add((key, $"{Key(key)}.workspace = true"));
        }

        var text = new StringBuilder("[package]\n");
        foreach (var (_, line) in package)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\n[dependencies]\n");

        // toml_edit keeps tables in insertion order: all [[bin]] elements sit where the first was added.
        var bins = Sources.Where(s => s.Bin && s.RelativePath != "src/main.rs").ToList();
        var lib = Sources.LastOrDefault(s => !s.Bin && s.RelativePath != "src/lib.rs");
        var firstBin = Sources.ToList().FindIndex(s => s.Bin && s.RelativePath != "src/main.rs");
        var libIndex = lib is null ? -1 : Sources.ToList().FindIndex(s => !s.Bin && s.RelativePath != "src/lib.rs");
        if (lib is not null && (firstBin < 0 || libIndex < firstBin))
        {
            AppendLib(text, lib);
            AppendBins(text, bins);
        }
        else
        {
            AppendBins(text, bins);
            if (lib is not null)
            {
                AppendLib(text, lib);
            }
        }

        if (InheritLints)
        {
            text.Append("\n[lints]\nworkspace = true\n");
        }

        return text.ToString();
    }

    private void AppendBins(StringBuilder text, List<SourceFile> bins)
    {
        foreach (var bin in bins)
        {
            text.Append("\n[[bin]]\nname = ").Append(Quote(Name)).Append("\npath = ").Append(Quote(bin.RelativePath)).Append('\n');
        }
    }

    private static void AppendLib(StringBuilder text, SourceFile lib) =>
        text.Append("\n[lib]\npath = ").Append(Quote(lib.RelativePath)).Append('\n');

    private static string Quote(string value) => new TomlString(value).Raw;

    private static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : Quote(key);
}
