namespace Ferry.Ops;

/// <summary>The repository kinds <c>new</c>/<c>init</c> can set up (<c>--vcs</c>, <c>[cargo-new] vcs</c>).</summary>
public enum VersionControl
{
    Git,
    Hg,
    Pijul,
    Fossil,
    NoVcs,
}
