using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Resolution;

/// <summary>An <c>update --precise</c> request: the locked package and the exact version it should become.</summary>
internal sealed record PreciseUpdate(PackageId From, PackageId Target)
{
    public static PreciseUpdate For(PackageId from, string precise)
    {
        if (!from.Source.IsRegistry)
        {
            throw new FerryException($"`--precise` for {from.Source.Kind.ToString().ToLowerInvariant()} sources is not supported yet");
        }

        var text = precise.StartsWith('=') ? precise[1..] : precise;
        Version version;
        try
        {
            version = Version.Parse(text);
        }
        catch (Semver.SemverParseException error)
        {
            throw new FerryException($"invalid version format for precise version `{precise}`", new FerryException(error.Message));
        }

        return new PreciseUpdate(from, new PackageId(from.Name, version, from.Source));
    }
}
