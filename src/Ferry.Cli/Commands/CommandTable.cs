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
        new HelpCommand(),
        new LocateProjectCommand(),
        new MetadataCommand(),
        new PkgidCommand(),
        new ReadManifestCommand(),
        new VerifyProjectCommand(),
        new VersionCommand(),
    ]);
}
