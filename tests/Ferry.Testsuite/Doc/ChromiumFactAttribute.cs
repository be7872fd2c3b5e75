namespace Ferry.Testsuite.Doc;

/// <summary>A test that drives Debian's headless Chromium; skipped, saying so, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(HeadlessChromium.Executable))
        {
            Skip = $"{HeadlessChromium.Executable} is missing: install Debian's chromium to run this test";
        }
    }
}
