using System.Text.Json;
using Ferry.Semver;
using Version = Ferry.Semver.Version;

namespace Ferry.Tests.Semver;

/// <summary>
/// Runs every entry of every section of the shared semver vectors. A section or entry shape this file
/// does not know fails loudly instead of passing, so new vectors cannot be skipped silently.
/// </summary>
public sealed class SemverVectorTests
{
    private static readonly string[] KnownSections =
    [
        "version_parse_ok", "version_parse_err", "version_parse_err_documented", "version_display",
        "version_compare", "ordered_lists", "identifier_facts", "req_parse_ok", "req_parse_err", "req_equal",
        "misc_facts", "comparator_parse_ok", "comparator_parse_err", "req_matches", "req_equivalences",
        "cargo_docs_prerelease_rules", "cargo_matches_prerelease",
    ];

    public static TheoryData<string, int> Entries() => SemverVectors.AllEntries();

    [Fact]
    public void EverySectionInTheFileIsHandled()
    {
        Assert.Equal(KnownSections.Order(StringComparer.Ordinal), SemverVectors.Sections().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Vector(string section, int index)
    {
        var e = SemverVectors.Entry(section, index);
        switch (section)
        {
            case "version_parse_ok": VersionParseOk(e); break;
            case "version_parse_err": AssertParseError(() => Version.Parse(Str(e, "input")), Str(e, "error")); break;
            case "version_parse_err_documented": Assert.Throws<SemverParseException>(() => Version.Parse(Str(e, "input"))); break;
            case "version_display": Assert.Equal(Str(e, "display"), Version.Parse(Str(e, "input")).ToString()); break;
            case "version_compare": VersionCompare(e); break;
            case "ordered_lists": OrderedList(e); break;
            case "identifier_facts": IdentifierFact(e); break;
            case "req_parse_ok": ReqParseOk(e); break;
            case "req_parse_err": AssertParseError(() => VersionReq.Parse(Str(e, "input")), Str(e, "error")); break;
            case "req_equal": ReqEqual(e); break;
            case "misc_facts": MiscFact(e); break;
            case "comparator_parse_ok": Assert.Equal(Str(e, "display"), Comparator.Parse(Str(e, "input")).ToString()); break;
            case "comparator_parse_err": AssertParseError(() => Comparator.Parse(Str(e, "input")), Str(e, "error")); break;
            case "req_matches": ReqMatches(e, "matches", (r, v) => r.Matches(v)); break;
            case "req_equivalences": ReqEquivalence(e); break;
            case "cargo_docs_prerelease_rules": CargoDocsRule(e); break;
            case "cargo_matches_prerelease": ReqMatches(e, "matches_prerelease", (r, v) => r.MatchesPrerelease(v)); break;
            default: Assert.Fail($"section `{section}` of {SemverVectors.FilePath} has no test"); break;
        }
    }

    private static void VersionParseOk(JsonElement e)
    {
        var v = Version.Parse(Str(e, "input"));
        Assert.Equal(e.GetProperty("major").GetUInt64(), v.Major);
        Assert.Equal(e.GetProperty("minor").GetUInt64(), v.Minor);
        Assert.Equal(e.GetProperty("patch").GetUInt64(), v.Patch);
        Assert.Equal(Str(e, "pre"), v.Pre.AsString);
        Assert.Equal(Str(e, "build"), v.Build.AsString);
        Assert.Equal(Str(e, "input"), v.ToString());
    }

    private static void VersionCompare(JsonElement e)
    {
        var a = Version.Parse(Str(e, "a"));
        var b = Version.Parse(Str(e, "b"));
        var actual = Str(e, "op") switch
        {
            "==" => a == b,
            "!=" => a != b,
            "<" => a < b,
            "<=" => a <= b,
            ">" => a > b,
            ">=" => a >= b,
            var op => throw new InvalidOperationException($"unknown operator {op}"),
        };
        Assert.Equal(e.GetProperty("expected").GetBoolean(), actual);

        // Equality and ordering must agree, and equal values must hash alike.
        Assert.Equal(a == b, a.CompareTo(b) == 0);
        if (a == b)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    private static void OrderedList(JsonElement e)
    {
        var items = e.GetProperty("ascending").EnumerateArray().Select(x => x.GetString()!).ToArray();
        Func<string, string, int> compare = Str(e, "kind") switch
        {
            "Version" => (x, y) => Version.Parse(x).CompareTo(Version.Parse(y)),
            "Prerelease" => (x, y) => Prerelease.Parse(x).CompareTo(Prerelease.Parse(y)),
            "BuildMetadata" => (x, y) => BuildMetadata.Parse(x).CompareTo(BuildMetadata.Parse(y)),
            var kind => throw new InvalidOperationException($"unknown kind {kind}"),
        };

        // Every pair, not just neighbours: the order must be strict and transitive.
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = 0; j < items.Length; j++)
            {
                Assert.True(Math.Sign(compare(items[i], items[j])) == i.CompareTo(j), $"{items[i]} vs {items[j]}");
            }
        }
    }

    private static void IdentifierFact(JsonElement e)
    {
        var kind = Str(e, "kind");
        if (e.TryGetProperty("a", out _))
        {
            var equal = kind switch
            {
                "Prerelease" => Prerelease.Parse(Str(e, "a")) == Prerelease.Parse(Str(e, "b")),
                "BuildMetadata" => BuildMetadata.Parse(Str(e, "a")) == BuildMetadata.Parse(Str(e, "b")),
                _ => throw new InvalidOperationException($"unknown kind {kind}"),
            };
            Assert.Equal(e.GetProperty("equal").GetBoolean(), equal);
        }
        else if (e.TryGetProperty("error", out var error))
        {
            Assert.Equal("Prerelease", kind);
            AssertParseError(() => Prerelease.Parse(Str(e, "new")), error.GetString()!);
        }
        else if (e.TryGetProperty("is_empty", out var isEmpty))
        {
            Assert.Equal("Prerelease", kind);
            Assert.Equal(isEmpty.GetBoolean(), Prerelease.Parse(Str(e, "new")).IsEmpty);
        }
        else if (Str(e, "note").Contains("repeated '1' characters", StringComparison.Ordinal))
        {
            for (var n = 1; n <= 280; n++)
            {
                var text = new string('1', n);
                Assert.Equal(text, Prerelease.Parse(text).AsString);
            }

            var huge = new string('1', 5_600_000);
            Assert.Equal(huge, Prerelease.Parse(huge).AsString);
        }
        else
        {
            Assert.Fail($"identifier fact not understood: {e}");
        }
    }

    private static void ReqParseOk(JsonElement e)
    {
        var req = VersionReq.Parse(Str(e, "input"));
        if (e.TryGetProperty("display", out var display))
        {
            Assert.Equal(display.GetString(), req.ToString());
        }

        // Canonical display always parses back to the same requirement.
        Assert.Equal(req, VersionReq.Parse(req.ToString()));
    }

    private static void ReqEqual(JsonElement e)
    {
        var a = VersionReq.Parse(Str(e, "a"));
        var b = VersionReq.Parse(Str(e, "b"));
        var expected = e.GetProperty("expected").GetBoolean();
        Assert.Equal(expected, a == b);
        Assert.Equal(expected, a.Equals(b));
        if (expected)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    private static void MiscFact(JsonElement e)
    {
        var fact = Str(e, "fact");
        Assert.True(fact.StartsWith("VersionReq::default() == VersionReq::STAR", StringComparison.Ordinal), $"fact not understood: {fact}");
        Assert.Equal(VersionReq.Star, VersionReq.Any);
        Assert.Empty(VersionReq.Star.Comparators);
        Assert.Equal("*", VersionReq.Star.ToString());
        Assert.Equal(VersionReq.Star, VersionReq.Parse("*"));
        Assert.Throws<SemverParseException>(() => VersionReq.Parse(string.Empty));
    }

    private static void ReqMatches(JsonElement e, string expectedKey, Func<VersionReq, Version, bool> match)
    {
        var req = VersionReq.Parse(Str(e, "req"));
        var version = Version.Parse(Str(e, "version"));
        Assert.Equal(e.GetProperty(expectedKey).GetBoolean(), match(req, version));
    }

    private static void CargoDocsRule(JsonElement e)
    {
        if (e.TryGetProperty("matches_any", out var matchesAny))
        {
            var req = VersionReq.Parse(Str(e, "req"));
            Assert.Equal(matchesAny.GetBoolean(), VersionGrid.Any(req.Matches));
            return;
        }

        ReqMatches(e, "matches", (r, v) => r.Matches(v));
    }

    private static void ReqEquivalence(JsonElement e)
    {
        var req = Str(e, "req");
        var equivalent = Str(e, "equivalent");
        var instances = EquivalenceTemplate.Expand(req, equivalent).ToList();
        Assert.NotEmpty(instances);
        foreach (var (left, right) in instances)
        {
            var a = VersionReq.Parse(left);
            var b = VersionReq.Parse(right);
            foreach (var v in VersionGrid)
            {
                Assert.True(a.Matches(v) == b.Matches(v), $"`{left}` and `{right}` disagree on {v}");
            }
        }
    }

    /// <summary>Versions 0..5 in each component, each also as the pre-releases <c>-0</c> and <c>-alpha.1</c>.</summary>
    private static readonly Version[] VersionGrid = BuildGrid();

    private static Version[] BuildGrid()
    {
        var list = new List<Version>();
        for (ulong major = 0; major <= 5; major++)
        {
            for (ulong minor = 0; minor <= 5; minor++)
            {
                for (ulong patch = 0; patch <= 5; patch++)
                {
                    list.Add(new Version(major, minor, patch));
                    list.Add(new Version(major, minor, patch, Prerelease.Parse("0"), BuildMetadata.Empty));
                    list.Add(new Version(major, minor, patch, Prerelease.Parse("alpha.1"), BuildMetadata.Empty));
                }
            }
        }

        return [.. list];
    }

    private static void AssertParseError(Action parse, string expected)
    {
        var ex = Assert.Throws<SemverParseException>(parse);
        Assert.Equal(expected, ex.Message);
        Assert.InRange(ex.Position, 0, ex.Input.Length);
    }

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
