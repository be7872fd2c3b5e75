namespace Ferry.Core.Manifest;

/// <summary>A workspace root without a <c>[package]</c>.</summary>
public sealed record VirtualManifest : LoadedManifest;
