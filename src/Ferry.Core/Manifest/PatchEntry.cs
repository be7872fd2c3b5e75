using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Urls;

namespace Ferry.Core.Manifest;

/// <summary>One <c>[patch.SOURCE]</c> table: the source URL it patches and the replacement dependencies.</summary>
/// <param name="Location">The manifest the table came from (or the config file, for <c>[patch]</c> in config).</param>
public sealed record PatchEntry(Url Url, ImmutableArray<Dependency> Dependencies, string Location);
