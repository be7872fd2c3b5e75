using Ferry.Testsuite.Sources;

namespace Ferry.Testsuite.Tree;

/// <summary>A theory that needs the Debian-crate registry in <c>/work/registry-out</c>; skipped, saying so, without it.</summary>
public sealed class RegistryTheoryAttribute : TheoryAttribute
{
    public RegistryTheoryAttribute()
    {
        if (!Directory.Exists(RegistryServer.RegistryRoot))
        {
            Skip = $"{RegistryServer.RegistryRoot} is missing: build it with ../shared/registry/setup.sh to run this test";
        }
    }
}
