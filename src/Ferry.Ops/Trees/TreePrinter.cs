using System.Text;
using Ferry.Core.Identity;

namespace Ferry.Ops.Trees;

/// <summary>
/// Prints a <see cref="TreeGraph"/> from its roots the way Cargo's <c>cargo_tree::print</c> does:
/// one line per node with the chosen prefix (box-drawing indentation, the depth, or nothing), a
/// <c>(*)</c> after a node already shown (its dependencies are not repeated unless
/// <c>--no-dedupe</c>; a node in a cycle is always cut there), section headers for build- and
/// dev-dependencies, and the <c>--depth</c>, <c>--depth workspace</c> and <c>--prune</c> cuts.
/// Colours, when asked for, are Cargo's: edge lines by kind, headers bold, <c>(*)</c> dimmed.
/// </summary>
internal sealed class TreePrinter
{
    private const string Reset = "\u001b[0m";
    private const string StarStyled = " \u001b[33m\u001b[2m(*)\u001b[39m\u001b[22m";
    private const string BuildHeaderStyled = "\u001b[94m\u001b[1m[build-dependencies]\u001b[39m\u001b[22m";
    private const string DevHeaderStyled = "\u001b[96m\u001b[1m[dev-dependencies]\u001b[39m\u001b[22m";

    private readonly TreeGraph _graph;
    private readonly TreeFormat _format;
    private readonly Func<PackageId, TreePackageInfo> _packages;
    private readonly IReadOnlyList<Func<PackageId, bool>> _prune;
    private readonly Func<PackageId, bool> _isMember;
    private readonly TreePrintOptions _options;
    private readonly StringBuilder _output = new();
    private readonly HashSet<int> _visited = [];
    private readonly List<(TreeEdgeKind Kind, bool Continues)> _levels = [];
    private readonly List<int> _stack = [];

    private TreePrinter(
        TreeGraph graph,
        TreeFormat format,
        Func<PackageId, TreePackageInfo> packages,
        IReadOnlyList<Func<PackageId, bool>> prune,
        Func<PackageId, bool> isMember,
        TreePrintOptions options)
    {
        _graph = graph;
        _format = format;
        _packages = packages;
        _prune = prune;
        _isMember = isMember;
        _options = options;
    }

    /// <summary>The whole output for <paramref name="roots"/>, a blank line between trees.</summary>
    public static string Print(
        TreeGraph graph,
        IReadOnlyList<int> roots,
        TreeFormat format,
        Func<PackageId, TreePackageInfo> packages,
        IReadOnlyList<Func<PackageId, bool>> prune,
        Func<PackageId, bool> isMember,
        TreePrintOptions options)
    {
        var printer = new TreePrinter(graph, format, packages, prune, isMember, options);
        for (var i = 0; i < roots.Count; i++)
        {
            if (i != 0)
            {
                printer._output.Append('\n');
            }

            printer._levels.Clear();
            printer._stack.Clear();
            printer.PrintNode(roots[i]);
        }

        return printer._output.ToString();
    }

    private string Down => _options.Unicode ? "│" : "|";

    private string Tee => _options.Unicode ? "├" : "|";

    private string Ell => _options.Unicode ? "└" : "`";

    private string Right => _options.Unicode ? "─" : "-";

    private static string StyleOf(TreeEdgeKind kind) => kind switch
    {
        TreeEdgeKind.Normal => "\u001b[2m",
        TreeEdgeKind.Build => "\u001b[1m\u001b[34m",
        TreeEdgeKind.Dev => "\u001b[1m\u001b[36m",
        _ => "\u001b[2m\u001b[35m",
    };

    private void Styled(TreeEdgeKind kind, string text)
    {
        if (_options.Color)
        {
            _output.Append(StyleOf(kind)).Append(text).Append(Reset);
        }
        else
        {
            _output.Append(text);
        }
    }

    private void PrintNode(int node)
    {
        var isNew = _options.NoDedupe || _visited.Add(node);
        switch (_options.Prefix)
        {
            case TreePrefix.Depth:
                _output.Append(_levels.Count);
                break;
            case TreePrefix.Indent when _levels.Count > 0:
                for (var i = 0; i < _levels.Count - 1; i++)
                {
                    Styled(_levels[i].Kind, _levels[i].Continues ? Down : " ");
                    _output.Append("   ");
                }

                var (lastKind, lastContinues) = _levels[^1];
                Styled(lastKind, (lastContinues ? Tee : Ell) + Right + Right);
                _output.Append(' ');
                break;
        }

        var inCycle = _stack.Contains(node);

        // A node without dependencies gets no (*): nothing was left out.
        var hasDeps = _graph.HasOutgoingEdges(node);
        AppendDisplay(node);
        if (!((isNew && !inCycle) || !hasDeps))
        {
            _output.Append(_options.Color ? StarStyled : " (*)");
        }

        _output.Append('\n');
        if (!isNew || inCycle)
        {
            return;
        }

        _stack.Add(node);
        foreach (var kind in new[] { TreeEdgeKind.Normal, TreeEdgeKind.Build, TreeEdgeKind.Dev, TreeEdgeKind.Feature })
        {
            PrintDependencies(node, kind);
        }

        _stack.RemoveAt(_stack.Count - 1);
    }

    private void PrintDependencies(int node, TreeEdgeKind kind)
    {
        var deps = _graph.EdgesOfKind(node, kind);
        if (deps.Count == 0)
        {
            return;
        }

        var header = kind switch
        {
            TreeEdgeKind.Build => _options.Color ? BuildHeaderStyled : "[build-dependencies]",
            TreeEdgeKind.Dev => _options.Color ? DevHeaderStyled : "[dev-dependencies]",
            _ => null,
        };
        if (_options.Prefix == TreePrefix.Indent && header is not null)
        {
            foreach (var (levelKind, continues) in _levels)
            {
                Styled(levelKind, continues ? Down : " ");
                _output.Append("   ");
            }

            _output.Append(header).Append('\n');
        }

        // The header is printed even when the depth limit then hides everything under it, as in Cargo.
        if (_levels.Count + 1 > _options.MaxDepth)
        {
            return;
        }

        var shown = deps.Where(edge => _graph.Nodes[edge.Node].Package is not { } package
            || ((!_options.WorkspaceOnly || _isMember(package)) && !_prune.Any(spec => spec(package)))).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            _levels.Add((shown[i].Kind, i + 1 < shown.Count));
            PrintNode(shown[i].Node);
            _levels.RemoveAt(_levels.Count - 1);
        }
    }

    private void AppendDisplay(int index)
    {
        var node = _graph.Nodes[index];
        if (!node.IsPackage)
        {
            var owner = _graph.PackageOf(node.PackageNode);
            _output.Append(owner.Name).Append(" feature \"").Append(node.FeatureName).Append('"');
            if (_graph.CliFeatures.Contains(index))
            {
                _output.Append(" (command-line)");
            }

            return;
        }

        var id = node.Package!;
        TreePackageInfo? info = null;
        foreach (var chunk in _format.Chunks)
        {
            switch (chunk.Kind)
            {
                case TreeFormatChunkKind.Raw:
                    _output.Append(chunk.Text);
                    break;
                case TreeFormatChunkKind.Package:
                    info ??= _packages(id);
                    _output.Append(id.Name).Append(" v").Append(id.Version);
                    if (info.ProcMacro)
                    {
                        _output.Append(" (proc-macro)");
                    }

                    if (!id.Source.IsCratesIo)
                    {
                        _output.Append(" (").Append(id.Source).Append(')');
                    }

                    break;
                case TreeFormatChunkKind.License:
                    info ??= _packages(id);
                    _output.Append(info.License);
                    break;
                case TreeFormatChunkKind.Repository:
                    info ??= _packages(id);
                    _output.Append(info.Repository);
                    break;
                case TreeFormatChunkKind.Features:
                    _output.AppendJoin(',', node.Features);
                    break;
                case TreeFormatChunkKind.LibName:
                    info ??= _packages(id);
                    _output.Append(info.LibName);
                    break;
            }
        }
    }
}
