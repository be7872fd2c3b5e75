namespace Ferry.Cli.Commands;

/// <summary>The built-in subcommands and their built-in aliases (<c>b</c> for <c>build</c>, ...).</summary>
internal sealed class CommandTable
{
    private readonly Dictionary<string, ICliCommand> _byName = new(StringComparer.Ordinal);

    public CommandTable(IEnumerable<ICliCommand> commands)
    {
        var list = new List<ICliCommand>();
        foreach (var command in commands)
        {
            list.Add(command);
            _byName.Add(command.Spec.Name, command);
            foreach (var alias in command.Spec.Aliases)
            {
                _byName.Add(alias, command);
            }
        }

        All = list;
    }

    public IReadOnlyList<ICliCommand> All { get; }

    public ICliCommand? Find(string name) => _byName.TryGetValue(name, out var command) ? command : null;

    /// <summary>The command whose own name (not a built-in alias like <c>b</c>) is <paramref name="name"/>.</summary>
    public ICliCommand? FindBuiltIn(string name) => Find(name) is { } command && command.Spec.Name == name ? command : null;

    /// <summary>For a built-in alias (<c>b</c>), the command it stands for (<c>build</c>).</summary>
    public string? BuiltInAliasTarget(string name) => Find(name) is { } command && command.Spec.Name != name ? command.Spec.Name : null;

    /// <summary>Every name a user can type, sorted the way Cargo sorts <c>--list</c>.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            var names = new List<string>(_byName.Keys);
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    public static CommandTable CreateDefault() => new(
    [
        new BuildCommand(),
        new CheckCommand(),
        new CleanCommand(),
        new DocCommand(),
        new RunCommand(),
        new RustcCommand(),
        new RustdocCommand(),
        new TestCommand(),
        new BenchCommand(),
        new ConfigCommand(),
        new FetchCommand(),
        new GenerateLockfileCommand(),
        new HelpCommand(),
        new InitCommand(),
        new LocateProjectCommand(),
        new MetadataCommand(),
        new NewCommand(),
        new PkgidCommand(),
        new UpdateCommand(),
        new VendorCommand(),
        new ReadManifestCommand(),
        new TreeCommand(),
        new VerifyCommand(),
        new VerifyProjectCommand(),
        new VersionCommand(),
    ]);
}
