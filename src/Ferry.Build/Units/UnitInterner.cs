using System.Collections.Immutable;
using Ferry.Build.Profiles;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>Makes equal units the same object (Cargo's <c>UnitInterner</c>), so graphs can key on units cheaply.</summary>
public sealed class UnitInterner
{
    private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);

    public Unit Intern(
        BuildPackage package,
        Target target,
        Profile profile,
        CompileKind kind,
        CompileMode mode,
        ImmutableArray<string> features,
        ImmutableArray<string> rustflags,
        ImmutableArray<string> rustdocflags,
        ulong depHash)
    {
        var key = string.Join(
            '\u001e',
            package.Id.ToSpecString(),
            target.Kind.ToString(),
            target.Name,
            string.Join(',', target.CrateTypes),
            profile.Comparable,
            kind.Triple ?? "<host>",
            mode.ToString(),
            string.Join('\u001f', features),
            string.Join('\u001f', rustflags),
            string.Join('\u001f', rustdocflags),
            depHash.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_units.TryGetValue(key, out var unit))
        {
            unit = new Unit(_units.Count, package, target, profile, kind, mode, features, rustflags, rustdocflags, depHash);
            _units[key] = unit;
        }

        return unit;
    }

    public Unit With(Unit unit, Profile? profile = null, CompileKind? kind = null, ulong? depHash = null) =>
        Intern(unit.Package, unit.Target, profile ?? unit.Profile, kind ?? unit.Kind, unit.Mode, unit.Features, unit.Rustflags, unit.Rustdocflags, depHash ?? unit.DepHash);
}
