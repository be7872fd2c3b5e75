using Ferry.Toml;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// Copies a tree of manifests (the conformance workspaces hold only Cargo.toml files) and creates empty
/// source files for the targets each manifest implies, so both cargo and ferry can load them: the
/// library (declared or inferred), declared binaries, examples, tests and benches, the build script
/// path, and the binary <c>default-run</c> names. (A port of the prototype <c>stub.py</c>.)
/// </summary>
internal static class WorkspaceStubber
{
    public static void CopyAndStub(string source, string destination)
    {
        CopyTree(source, destination);
        foreach (var manifest in Directory.EnumerateFiles(destination, "Cargo.toml", SearchOption.AllDirectories))
        {
            Stub(manifest);
        }
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            CopyTree(dir, Path.Combine(destination, Path.GetFileName(dir)));
        }
    }

    private static void Stub(string manifest)
    {
        var root = Path.GetDirectoryName(manifest)!;
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(File.ReadAllText(manifest), TomlParseOptions.Toml11);
        }
        catch (TomlParseException)
        {
            return;
        }

        if (!document.Root.TryGetTable("package", out var package))
        {
            return;
        }

        var name = package.TryGetString("name", out var n) ? n : null;
        var hasLib = document.Root.TryGetTable("lib", out var lib);
        var bins = Tables(document.Root, "bin");
        if (hasLib)
        {
            Touch(root, lib!.TryGetString("path", out var path) ? path : "src/lib.rs");
        }

        foreach (var bin in bins)
        {
            bin.TryGetString("name", out var binName);
            if (bin.TryGetString("path", out var path))
            {
                Touch(root, path);
            }
            else
            {
                Touch(root, binName == name ? "src/main.rs" : $"src/bin/{binName}.rs");
            }
        }

        foreach (var (kind, dir) in new[] { ("example", "examples"), ("test", "tests"), ("bench", "benches") })
        {
            foreach (var target in Tables(document.Root, kind))
            {
                target.TryGetString("name", out var targetName);
                Touch(root, target.TryGetString("path", out var path) ? path : $"{dir}/{targetName}.rs");
            }
        }

        if (!hasLib && bins.Count == 0)
        {
            Touch(root, "src/lib.rs");
        }

        if (package.TryGetString("build", out var build))
        {
            Touch(root, build);
        }

        if (package.TryGetString("default-run", out var run))
        {
            Touch(root, run == name ? "src/main.rs" : $"src/bin/{run}.rs");
        }
    }

    private static List<TomlTable> Tables(TomlTable root, string key)
    {
        var list = new List<TomlTable>();
        if (root.TryGetArrayOfTables(key, out var tables))
        {
            list.AddRange(tables);
        }

        return list;
    }

    private static void Touch(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, string.Empty);
        }
    }
}
