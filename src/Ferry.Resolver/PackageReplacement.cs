using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>A <c>[replace]</c> entry: which packages it applies to (a package id spec) and what replaces them.</summary>
public sealed record PackageReplacement(string Spec, Func<PackageId, bool> Matches, Dependency Replacement);
