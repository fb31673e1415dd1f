using System.Text;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.EventStore;

namespace Collaboration.Domain.Tests;

/// <summary>
/// The log writes Chinese as UTF-8, not as \uXXXX escapes (JsonText.Encoder), still escapes what is sensitive in
/// HTML, and reads events written with escapes (every event before the change) back to the same values.
/// </summary>
public sealed class EventTextEncodingTests
{
    private static readonly EventSerializer Serializer = new(DomainEventTypes.CreateRegistry());

    private static PartnerRegistered Registered() => new(
        PartnerId.From(Guid.Parse("0190f2a4-6d1e-7c3a-9b2f-3c4d5e6f7a8b")),
        PartnerKind.ChamberOfCommerce,
        new BilingualText("上海国际商会", "Shanghai International Chamber of Commerce <SICC>"),
        [],
        null,
        new DateTimeOffset(2024, 9, 20, 2, 0, 0, TimeSpan.Zero));

    // What the default encoder wrote: every character outside ASCII as \uXXXX.
    private static byte[] Escaped(string json) =>
        Encoding.UTF8.GetBytes(string.Concat(json.Select(c => c > 0x7F ? $"\\u{(int)c:X4}" : c.ToString())));

    [Fact]
    public void chinese_text_in_event_data_is_written_as_utf8()
    {
        var (_, data) = Serializer.Serialize(Registered());
        var json = Encoding.UTF8.GetString(data);

        json.Should().Contain("\"zh\":\"上海国际商会\"").And.NotContain("\\u4E0A");
        data.Length.Should().BeLessThan(Escaped(json).Length, "three bytes per character instead of six");
    }

    [Fact]
    public void characters_sensitive_in_html_are_still_escaped()
    {
        var json = Encoding.UTF8.GetString(Serializer.Serialize(Registered()).Data);

        json.Should().Contain("\\u003CSICC\\u003E").And.NotContain("<SICC>");
    }

    [Fact]
    public void an_event_written_with_escapes_reads_back_to_the_same_event()
    {
        var (type, data) = Serializer.Serialize(Registered());
        var older = Escaped(Encoding.UTF8.GetString(data));
        Encoding.UTF8.GetString(older).Should().Contain("\\u4E0A\\u6D77");

        Serializer.Deserialize(type, older).Should().BeEquivalentTo(Registered());
        Serializer.Deserialize(type, data).Should().BeEquivalentTo(Registered());
    }

    [Fact]
    public void metadata_is_written_as_utf8_and_its_escaped_form_reads_back_the_same()
    {
        var metadata = new EventMetadata("observer-维克多", "observer", "上海国际商会", Guid.Empty);
        var json = metadata.ToUtf8Json();

        Encoding.UTF8.GetString(json).Should().Be("""{"actorId":"observer-维克多","role":"observer","organisation":"上海国际商会","correlationId":"00000000-0000-0000-0000-000000000000"}""");
        EventMetadata.FromUtf8Json(Escaped(Encoding.UTF8.GetString(json))).Should().Be(metadata);
    }
}
