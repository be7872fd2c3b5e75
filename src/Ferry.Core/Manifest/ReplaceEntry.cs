using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Core.Manifest;

/// <summary>One <c>[replace]</c> entry: the package it replaces and the dependency that replaces it.</summary>
public sealed record ReplaceEntry(PackageIdSpec Spec, Dependency Dependency);
