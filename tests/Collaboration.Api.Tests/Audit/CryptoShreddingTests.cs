using System.Text;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Privacy;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;

namespace Collaboration.Api.Tests.Audit;

public sealed class CryptoShreddingTests
{
    private static readonly PersonalDetails Robert = new(PersonId.New(), "Robert Ionescu", "robert@example.ro", "+40 721 000 000");

    [Fact]
    public async Task personal_fields_are_sealed_in_the_stored_bytes_and_read_back_while_the_key_exists()
    {
        await using var audit = AuditStore.Create();
        var caseId = TalentCaseId.New();

        await audit.AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, Robert));

        var recorded = await audit.Store.ReadStreamAsync(TalentCaseDecider.StreamName(caseId)).SingleAsync();
        var raw = Encoding.UTF8.GetString(recorded.Data.Span);
        raw.Should().NotContain("Robert").And.NotContain("robert@example.ro").And.NotContain("+40").And.Contain("\"sealed\"");
        raw.Should().Contain("\"nationality\":\"RO\"", "only personal details are sealed");
        var opened = (TalentCaseOpened)audit.Serializer.Deserialize(recorded);
        opened.Talent.Should().Be(Robert);
    }

    [Fact]
    public async Task erasing_a_person_makes_their_fields_read_as_erased_and_the_chain_still_verifies()
    {
        await using var audit = AuditStore.Create();
        var caseId = TalentCaseId.New();
        var other = new PersonalDetails(PersonId.New(), "Li Na", null, null);
        await audit.AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, Robert));
        var otherCase = TalentCaseId.New();
        await audit.AppendAsync(TalentCaseDecider.StreamName(otherCase), AuditStore.CaseOpened(otherCase, other));
        var before = await audit.Store.ReadChainHeadAsync();

        var erasure = await audit.Eraser.EraseAsync(Robert.Person, "Request under PIPL art. 47", new EventMetadata("office-7", "office"));

        erasure.KeyDeleted.Should().BeTrue();
        var opened = (TalentCaseOpened)audit.Serializer.Deserialize(await audit.Store.ReadStreamAsync(TalentCaseDecider.StreamName(caseId)).SingleAsync());
        opened.Talent.IsErased.Should().BeTrue();
        opened.Talent.Person.Should().Be(Robert.Person);
        opened.Talent.Email.Should().BeNull();
        opened.Nationality.Should().Be("RO");
        opened.Service.Should().Be(TalentService.WorkPermit);
        ((TalentCaseOpened)audit.Serializer.Deserialize(await audit.Store.ReadStreamAsync(TalentCaseDecider.StreamName(otherCase)).SingleAsync()))
            .Talent.Should().Be(other, "only the erased person's key is deleted");
        var verification = await audit.Store.VerifyAsync();
        verification.IsValid.Should().BeTrue();
        (await audit.Store.ReadAllAsync(1, (int)before.Position).Select(e => Convert.ToHexString(e.Hash.Span)).LastAsync())
            .Should().Be(Convert.ToHexString(before.Hash.Span), "the stored bytes never change");
    }

    [Fact]
    public async Task case_notes_are_sealed_under_the_talents_key_and_read_as_erased_after_erasure()
    {
        await using var audit = AuditStore.Create();
        var caseId = TalentCaseId.New();
        var stream = TalentCaseDecider.StreamName(caseId);
        await audit.AppendAsync(stream, AuditStore.CaseOpened(caseId, Robert));
        await audit.AppendAsync(stream, new TalentCaseNoteAdded(caseId, new PersonalNote(Robert.Person, "Robert called from +40 721 000 000 about his daughter"), "office-1", DateTimeOffset.UtcNow));

        var stored = await audit.Store.ReadStreamAsync(stream).LastAsync();
        Encoding.UTF8.GetString(stored.Data.Span).Should().NotContain("daughter").And.NotContain("+40").And.Contain("\"sealed\"");
        ((TalentCaseNoteAdded)audit.Serializer.Deserialize(stored)).Note.Text.Should().Contain("daughter");

        await audit.Eraser.EraseAsync(Robert.Person, "Request under PIPL art. 47", new EventMetadata("office-7", "office"));

        var note = ((TalentCaseNoteAdded)audit.Serializer.Deserialize(await audit.Store.ReadStreamAsync(stream).Skip(1).FirstAsync())).Note;
        note.IsErased.Should().BeTrue();
        note.Person.Should().Be(Robert.Person);
        (await audit.Store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task erasure_is_itself_an_audited_event_with_who_and_why()
    {
        await using var audit = AuditStore.Create();

        var erasure = await audit.Eraser.EraseAsync(Robert.Person, "Talent asked for erasure", new EventMetadata("office-7", "office", CorrelationId: Guid.NewGuid()));

        var recorded = await audit.Store.ReadStreamAsync(PersonErased.StreamName(Robert.Person)).SingleAsync();
        recorded.Position.Should().Be(erasure.Position);
        recorded.Type.Should().Be("person.erased.v1");
        recorded.Metadata.ActorId.Should().Be("office-7");
        var erased = (PersonErased)audit.Serializer.Deserialize(recorded);
        erased.Reason.Should().Be("Talent asked for erasure");
        erased.By.Should().Be("office-7");
    }

    [Fact]
    public async Task an_erased_person_cannot_be_recorded_again_under_a_fresh_key()
    {
        await using var audit = AuditStore.Create();
        await audit.Eraser.EraseAsync(Robert.Person, "erased", EventMetadata.Empty);

        var again = () => audit.Serializer.Serialize(AuditStore.CaseOpened(TalentCaseId.New(), Robert));

        again.Should().Throw<Collaboration.Audit.Privacy.PersonErasedException>();
    }

    [Fact]
    public async Task a_sealed_value_cannot_be_opened_under_another_persons_id()
    {
        await using var audit = AuditStore.Create();
        var key = await audit.Keys.GetOrCreateAsync(Robert.Person);
        var sealedBytes = Collaboration.Audit.Privacy.PersonalDataConverter.Seal(Robert, key);

        var open = () => Collaboration.Audit.Privacy.PersonalDataConverter.Open(PersonId.New(), key, sealedBytes);

        open.Should().Throw<System.Security.Cryptography.AuthenticationTagMismatchException>();
    }
}
