using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using static Collaboration.Domain.Tests.Partners.PartnerFacts;

namespace Collaboration.Domain.Tests.Partners;

/// <summary>The log stores wire names and JSON: both must stay stable and lossless.</summary>
public sealed partial class PartnerWireContractSpec
{
    private static readonly object[] Samples =
    [
        Registered(),
        new PartnerDetailsUpdated(Chamber, PartnerKind.IndustryAssociation, ChamberName, [PartnerFacts.Liaison], At),
        Deactivated(),
        new PartnerReferenceReserved("sicc-001", Chamber, At),
    ];

    private static IEnumerable<Type> ModuleEventTypes => typeof(PartnerDecider).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(PartnerDecider).Namespace && t.GetCustomAttribute<EventTypeAttribute>() is not null);

    [Fact]
    public void every_event_type_has_a_round_trip_sample() =>
        Samples.Select(s => s.GetType()).Should().BeEquivalentTo(ModuleEventTypes);

    [Fact]
    public void every_event_round_trips_through_the_json_context()
    {
        foreach (var sample in Samples)
        {
            var info = PartnersJsonContext.Default.GetTypeInfo(sample.GetType());
            info.Should().NotBeNull($"{sample.GetType().Name} must be in the JSON context");
            var json = JsonSerializer.Serialize(sample, info!);
            var back = JsonSerializer.Deserialize(json, info!);
            back.Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes(), json);
        }
    }

    [Fact]
    public void enums_are_written_as_names_and_properties_in_camel_case()
    {
        var json = JsonSerializer.Serialize(Registered(), PartnersJsonContext.Default.PartnerRegistered);

        json.Should().Contain("\"kind\":\"ChamberOfCommerce\"").And.Contain("\"externalReference\":\"sicc-001\"");
    }

    [Fact]
    public void contacts_written_in_the_clear_before_they_were_personal_data_still_read()
    {
        const string Legacy = """
            {"partner":"0190a1b2-0000-7000-8000-000000000001","kind":"ChamberOfCommerce","name":{"zh":"商会","en":"Chamber"},
             "contacts":[{"name":"Wang Li","title":"Secretary-General","email":"wang@sicc.example","phone":null}],
             "externalReference":null,"at":"2024-05-08T10:00:00+08:00"}
            """;

        var read = JsonSerializer.Deserialize(Legacy, PartnersJsonContext.Default.PartnerRegistered)!;
        var again = JsonSerializer.Deserialize(Legacy, PartnersJsonContext.Default.PartnerRegistered)!;

        var contact = read.Contacts.Should().ContainSingle().Subject;
        contact.Name.Should().Be("Wang Li");
        contact.Title.Should().Be("Secretary-General");
        contact.Email.Should().Be("wang@sicc.example");
        contact.Phone.Should().BeNull();
        contact.Person.Person.Should().Be(again.Contacts[0].Person.Person, "a contact without an id gets the same one on every read");
    }

    [Fact]
    public void a_contact_is_written_as_a_person_and_a_title()
    {
        var json = JsonSerializer.Serialize(Registered(), PartnersJsonContext.Default.PartnerRegistered);

        json.Should().Contain("\"contacts\":[{\"person\":{").And.Contain("\"title\":\"Liaison Officer\"");
    }
}
