using System.Collections.Immutable;
using Ferry.Build.Messages;
using Ferry.Build.Selection;

namespace Ferry.Ops.Compile;

/// <summary>What a compiling command asks for (Cargo's <c>CompileOptions</c>), parsed by the CLI.</summary>
public sealed record CompileOptions
{
    public string? ManifestPath { get; init; }

    public ImmutableArray<string> Packages { get; init; } = [];

    public bool Workspace { get; init; }

    public ImmutableArray<string> Exclude { get; init; } = [];

    public ImmutableArray<string> Features { get; init; } = [];

    public bool AllFeatures { get; init; }

    public bool NoDefaultFeatures { get; init; }

    public CompileFilter Filter { get; init; } = CompileFilter.Default;

    public UserIntent Intent { get; init; } = UserIntent.Build;

    /// <summary><c>--profile</c> / <c>--release</c> resolved to a profile name (null: the intent's default).</summary>
    public string? Profile { get; init; }

    public ImmutableArray<string> Targets { get; init; } = [];

    public int? Jobs { get; init; }

    /// <summary><c>-j</c> exactly as written, for Cargo's parse errors.</summary>
    public string? JobsText { get; init; }

    public bool KeepGoing { get; init; }

    public MessageFormat MessageFormat { get; init; } = MessageFormat.Human;

    public ImmutableArray<string> ExtraArgs { get; init; } = [];

    public ImmutableArray<string>? CrateTypes { get; init; }

    /// <summary>Target-selection flags given without a value (<c>--bin</c>): the command lists what exists and fails.</summary>
    public ImmutableArray<string> BareFlags { get; init; } = [];

    /// <summary>When set, units of only one target may be selected (<c>cargo rustc -- ARGS</c>).</summary>
    public string? SingleTargetCommand { get; init; }

    /// <summary><c>cargo doc</c> without <c>--no-deps</c>: dependencies' libraries are documented too (Cargo's <c>UserIntent::Doc { deps: true }</c>).</summary>
    public bool DocDeps { get; init; }

    /// <summary><c>cargo doc --document-private-items</c>: root doc units get <c>--document-private-items</c> (binaries always do).</summary>
    public bool DocumentPrivateItems { get; init; }
}
