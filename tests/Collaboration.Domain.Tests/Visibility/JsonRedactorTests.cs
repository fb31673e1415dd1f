using System.Text.Json.Nodes;
using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Tests.Visibility;

public class JsonRedactorTests
{
    private const string Chamber = "0193a000-0000-7000-8000-000000000001";
    private const string Park = "0193a000-0000-7000-8000-000000000002";
    private const string Robert = "0193a000-0000-7000-8000-0000000000b1";
    private const string Withheld = JsonRedactor.Withheld;

    private static readonly Viewer ChamberStaff = new(ViewerRole.Partner, Organisation: Guid.Parse(Chamber));

    private static JsonNode Redact(string json, Viewer viewer, ItemFacts facts) =>
        JsonRedactor.Apply(JsonNode.Parse(json), VisibilityPolicy.Default.Decide(viewer, facts))!;

    [Fact]
    public void a_talents_contact_details_and_notes_read_withheld_and_the_name_stays()
    {
        var facts = ItemFacts.Of(ItemKind.TalentCase) with { ReferredBy = Guid.Parse(Chamber) };
        var opened = Redact("""{"talent":{"person":"p","fullName":"Anna Schmidt","email":"anna@example.de","phone":"+86 138"}}""", ChamberStaff, facts);
        opened["talent"]!["fullName"]!.GetValue<string>().Should().Be("Anna Schmidt");
        opened["talent"]!["email"]!.GetValue<string>().Should().Be(Withheld);
        opened["talent"]!["phone"]!.GetValue<string>().Should().Be(Withheld);
        var note = Redact("""{"note":{"person":"p","text":"called her landlord"}}""", ChamberStaff, facts);
        note["note"]!["text"]!.GetValue<string>().Should().Be(Withheld);
    }

    [Fact]
    public void another_partys_package_is_withheld_with_its_key()
    {
        var facts = ItemFacts.Of(ItemKind.Memorandum) with { Parties = new HashSet<Guid> { Guid.Parse(Chamber), Guid.Parse(Park) } };
        var state = Redact($$$"""
            {"agreement":{"packages":{
              "11111111-1111-1111-1111-111111111111":{"id":"11111111-1111-1111-1111-111111111111","party":"{{{Chamber}}}","policies":["a"]},
              "22222222-2222-2222-2222-222222222222":{"id":"22222222-2222-2222-2222-222222222222","party":"{{{Park}}}","policies":["b"]} } } }
            """, ChamberStaff, facts);
        var text = state.ToJsonString();
        text.Should().Contain("11111111-1111-1111-1111-111111111111").And.NotContain("22222222-2222-2222-2222-222222222222");
        state["agreement"]!["packages"]![$"{Withheld} 1"]!["party"]!.GetValue<string>().Should().Be(Park);
    }

    [Fact]
    public void another_owners_pending_report_is_withheld_and_an_approved_one_is_not()
    {
        var facts = ItemFacts.Of(ItemKind.Commitment) with { Owner = Guid.Parse(Park) };
        var state = Redact("""
            {"file":{"owner":"0193a000-0000-7000-8000-000000000002","reports":[
              {"id":"r1","narrative":{"en":"approved work"},"status":"Approved"},
              {"id":"r2","narrative":{"en":"draft work"},"status":"Returned","returnReason":{"en":"numbers missing"}}]}}
            """, ChamberStaff, facts);
        state.ToJsonString().Should().Contain("approved work").And.NotContain("draft work").And.NotContain("numbers missing");
    }

    [Fact]
    public void a_report_event_is_judged_by_whether_the_report_is_approved_now()
    {
        var approved = Guid.NewGuid();
        var facts = ItemFacts.Of(ItemKind.Commitment) with { Owner = Guid.Parse(Park), ApprovedReports = new HashSet<Guid> { approved } };
        Redact($$$"""{"report":"{{{approved}}}","narrative":{"en":"shown"}}""", ChamberStaff, facts).ToJsonString().Should().Contain("shown");
        Redact($$$"""{"report":"{{{Guid.NewGuid()}}}","narrative":{"en":"hidden"}}""", ChamberStaff, facts).ToJsonString().Should().NotContain("hidden");
        Redact($$$"""{"report":"{{{Guid.NewGuid()}}}","reason":{"en":"returned because"}}""", ChamberStaff, facts).ToJsonString().Should().NotContain("returned because");
    }

    [Fact]
    public void an_observer_is_withheld_from_the_public_but_not_from_themselves()
    {
        var facts = ItemFacts.Of(ItemKind.Feedback) with { Observer = Guid.Parse(Robert), Published = true };
        var json = $$$"""{"item":{"feedback":"f","observer":"{{{Robert}}}","text":"the sign is only in Chinese"}}""";
        Redact(json, Viewer.Public, facts)["item"]!["observer"]!.GetValue<string>().Should().Be(Withheld);
        Redact(json, new Viewer(ViewerRole.Observer, Observer: Guid.Parse(Robert)), facts)["item"]!["observer"]!.GetValue<string>().Should().Be(Robert);
    }

    [Fact]
    public void the_same_field_name_in_another_kind_is_left_alone()
    {
        var json = $$$"""{"observer":"{{{Robert}}}","email":"x@y","fullName":"n"}""";
        Redact(json, ChamberStaff, ItemFacts.Of(ItemKind.Partner) with { Owner = Guid.Parse(Chamber) }).ToJsonString().Should().Contain(Robert).And.Contain("x@y");
    }

    [Fact]
    public void office_json_is_untouched()
    {
        var json = """{"talent":{"fullName":"n","email":"x@y"}}""";
        Redact(json, new Viewer(ViewerRole.Office), ItemFacts.Of(ItemKind.TalentCase)).ToJsonString().Should().Contain("x@y");
    }

    [Theory]
    [InlineData(ItemKind.Feedback, "{\"item\":{\"observer\":\"x\"}}", true)]
    [InlineData(ItemKind.Feedback, "{\"item\":{\"topic\":\"x\"}}", false)]
    [InlineData(ItemKind.TalentCase, "{\"talent\":{\"email\":\"x\"}}", true)]
    [InlineData(ItemKind.Memorandum, "{\"parties\":[{\"partner\":\"x\"}]}", false)]
    [InlineData(ItemKind.Policy, "{\"observer\":\"x\"}", false)]
    public void a_document_without_a_withholdable_field_can_skip_the_walk(ItemKind kind, string json, bool may) =>
        JsonRedactor.MayWithhold(kind, json).Should().Be(may);
}
