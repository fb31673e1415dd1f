using System.Text.Json;
using Collaboration.Api.Live;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// Typed reads parse a document once and reuse that parse while the stored text is unchanged; they decide admission and
/// redaction exactly as <see cref="DocumentVisibility.Show"/> does.
/// </summary>
public sealed class TypedDocumentReadTests
{
    private static readonly Guid Chamber = Guid.CreateVersion7();

    private readonly DocumentVisibility documents = new(new VisibilityPolicy(VisibilityRules.Default));

    [Fact]
    public void the_same_stored_text_is_parsed_once_and_a_changed_text_is_parsed_again()
    {
        var first = documents.ShowTyped<Doc>(Viewer.Office, Stored("""{"title":"one","count":1}""", 5));
        var again = documents.ShowTyped<Doc>(Viewer.Office, Stored("""{"title":"one","count":1}""", 5));
        var changed = documents.ShowTyped<Doc>(Viewer.Office, Stored("""{"title":"one","count":2}""", 6));

        again.Should().BeSameAs(first);
        changed!.Count.Should().Be(2);
    }

    [Fact]
    public void a_viewer_outside_the_documents_audiences_gets_nothing_even_after_the_office_read_it()
    {
        var partner = new Viewer(ViewerRole.Partner, Chamber);
        documents.ShowTyped<Doc>(Viewer.Office, Stored("""{"title":"one","count":1}""", 5)).Should().NotBeNull();

        documents.ShowTyped<Doc>(partner, Stored("""{"title":"one","count":1}""", 5)).Should().BeNull();
    }

    [Fact]
    public void a_document_that_may_withhold_fields_from_a_partner_is_redacted_for_it_not_shared_from_the_office()
    {
        var partner = new Viewer(ViewerRole.Partner, Chamber);
        var json = """{"title":"one","count":1,"party":"x"}""";
        var scope = ViewScope.ForPartners([Chamber]);
        var office = documents.ShowTyped<Doc>(Viewer.Office, Stored(json, 5, scope));

        var seen = documents.ShowTyped<Doc>(partner, Stored(json, 5, scope));

        seen.Should().NotBeNull().And.NotBeSameAs(office);
        seen.Should().BeEquivalentTo(documents.Show(partner, Stored(json, 5, scope))!.Data.Deserialize<Doc>(ViewJson.Options));
    }

    [Fact]
    public void show_redacts_from_the_stored_text_exactly_as_redacting_the_parsed_change_does()
    {
        var partner = new Viewer(ViewerRole.Partner, Chamber);
        var other = Guid.CreateVersion7();
        var json = $$"""{ "title": "one", "parties": [ { "party": "{{other}}", "package": "theirs", "policies": ["p"] }, { "party": "{{Chamber}}", "package": "ours", "policies": [] } ] }""";
        var stored = Stored(json, 5, ViewScope.ForPartners([Chamber, other]));

        var shown = documents.Show(partner, stored)!;

        shown.Data.GetRawText().Should().Be(documents.Redact(partner, ViewChangeFeed.ToChange(stored), stored.Scope.Audiences).Data.GetRawText());
        shown.Data.GetRawText().Should().Contain(JsonRedactor.Withheld).And.Contain("ours").And.NotContain("theirs");
        (shown.View, shown.Key, shown.Position).Should().Be((stored.View, stored.Key, stored.Position));
    }

    [Fact]
    public void a_removed_document_reads_as_nothing()
    {
        documents.ShowTyped<Doc>(Viewer.Office, new StoredView(ViewNames.MemorandumProgress, "m1", 7, null, ViewScope.OfficeOnly)).Should().BeNull();
    }

    private static StoredView Stored(string json, long position, ViewScope? scope = null) =>
        new(ViewNames.MemorandumProgress, "m1", position, json, scope ?? ViewScope.OfficeOnly);

    private sealed record Doc(string Title, int Count, string? Party = null);
}
