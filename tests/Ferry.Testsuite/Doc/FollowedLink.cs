namespace Ferry.Testsuite.Doc;

/// <summary>Where a clicked link in generated docs led: the crate directory under <c>target/doc</c>, the page, and the page's heading.</summary>
internal sealed record FollowedLink(string Crate, string Page, string Heading);
