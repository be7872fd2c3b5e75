namespace Ferry.Testsuite.Sources;

/// <summary>
/// A test that needs the Debian-crate registry built by <c>../shared/registry/setup.sh</c> in
/// <c>/work/registry-out</c>; skipped, saying so, on machines without it.
/// </summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        if (!Directory.Exists(RegistryServer.RegistryRoot))
        {
            Skip = $"{RegistryServer.RegistryRoot} is missing: build it with ../shared/registry/setup.sh to run this test";
        }
        else if (!File.Exists(Path.Combine(RegistryServer.SharedRegistry, "serve.py")))
        {
            Skip = $"{RegistryServer.SharedRegistry}/serve.py is missing";
        }
    }
}
