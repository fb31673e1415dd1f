using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    private static EventSerializer NewSerializer() =>
        new(new EventTypeRegistry()
            .Register("observer.appointed.v2", ContractEventsJsonContext.Default.SampleObserverAppointed)
            .Register("feedback.given.v1", ContractEventsJsonContext.Default.SampleFeedbackGiven));

    [SkippableFact]
    public async Task registered_events_read_back_as_their_types()
    {
        var serializer = NewSerializer();
        var appointed = new SampleObserverAppointed(Guid.NewGuid(), "Robert", "RO");
        var feedback = new SampleFeedbackGiven(Guid.NewGuid(), "工作许可办理很快 / work permit was quick");
        var stream = NewStream("observer");
        await AppendedAsync(stream, ExpectedRevision.NoStream, serializer.ToEventToAppend(appointed), serializer.ToEventToAppend(feedback));

        var read = (await ReadStreamAsync(stream)).Select(serializer.Deserialize).ToList();

        read.Should().Equal(appointed, feedback);
        (await ReadStreamAsync(stream))[0].Type.Should().Be("observer.appointed.v2");
    }

    [SkippableFact]
    public async Task an_unregistered_event_type_survives_a_read_as_an_unknown_event()
    {
        var stream = NewStream();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent("package.handed-over.v9", """{"packageId":"p-1","copies":3}"""));

        var read = NewSerializer().Deserialize((await ReadStreamAsync(stream)).Single());

        var unknown = read.Should().BeOfType<UnknownEvent>().Subject;
        unknown.Type.Should().Be("package.handed-over.v9");
        unknown.Data.GetProperty("copies").GetInt32().Should().Be(3);
    }

    [SkippableFact]
    public async Task an_upcaster_turns_an_old_stored_shape_into_the_current_event()
    {
        var serializer = NewSerializer();
        serializer.Registry.RegisterUpcaster("observer.appointed.v1", "observer.appointed.v2", old => new JsonObject
        {
            ["observerId"] = old["id"]!.DeepClone(),
            ["fullName"] = old["name"]!.DeepClone(),
            ["nationality"] = "unknown",
        });
        var id = Guid.NewGuid();
        var stream = NewStream("observer");
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent("observer.appointed.v1", JsonSerializer.Serialize(new { id, name = "Robert" })));

        var read = serializer.Deserialize((await ReadStreamAsync(stream)).Single());

        read.Should().Be(new SampleObserverAppointed(id, "Robert", "unknown"));
    }
}
