using System.Text.Json;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Audit;

/// <summary>
/// What every <see cref="IPersonalKeyStore"/> must do for crypto-shredding to hold (ADR 0007), written once and closed
/// per implementation: one key per person, deletion that erases for ever, and the sealing converters working over it.
/// </summary>
public abstract class PersonalKeyStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract IPersonalKeyStore Keys { get; }

    [SkippableFact]
    public void a_person_keeps_one_key_of_256_bits()
    {
        var person = PersonId.New();

        var key = Keys.GetOrCreate(person);

        key.Should().HaveCount(IPersonalKeyStore.KeySize);
        Keys.GetOrCreate(person).Should().Equal(key);
        Keys.Find(person).Should().Equal(key);
        Keys.GetOrCreate(PersonId.New()).Should().NotEqual(key);
    }

    [SkippableFact]
    public void a_person_never_sealed_has_no_key_and_is_not_erased()
    {
        var person = PersonId.New();

        Keys.Find(person).Should().BeNull();
        Keys.IsErased(person).Should().BeFalse();
        Keys.Count().Should().Be(0);
    }

    [SkippableFact]
    public void deleting_a_key_erases_the_person_and_only_them()
    {
        var erased = PersonId.New();
        var kept = PersonId.New();
        Keys.GetOrCreate(erased);
        var key = Keys.GetOrCreate(kept);

        Keys.Delete(erased).Should().BeTrue();

        Keys.Find(erased).Should().BeNull();
        Keys.IsErased(erased).Should().BeTrue();
        Keys.Find(kept).Should().Equal(key);
        Keys.Count().Should().Be(1);
        Keys.Delete(erased).Should().BeFalse("the key is already gone");
    }

    [SkippableFact]
    public void an_erased_person_never_gets_a_new_key()
    {
        var person = PersonId.New();
        Keys.GetOrCreate(person);
        Keys.Delete(person);

        Keys.Invoking(k => k.GetOrCreate(person)).Should().Throw<PersonErasedException>().Which.Person.Should().Be(person);
    }

    [SkippableFact]
    public void erasing_someone_who_never_had_a_key_still_bars_them()
    {
        var person = PersonId.New();

        Keys.Delete(person).Should().BeFalse();

        Keys.IsErased(person).Should().BeTrue();
        Keys.Invoking(k => k.GetOrCreate(person)).Should().Throw<PersonErasedException>();
    }

    [SkippableFact]
    public void sealed_details_read_back_until_the_key_is_deleted()
    {
        var options = new JsonSerializerOptions { Converters = { new PersonalDataConverter(Keys) } };
        var robert = new PersonalDetails(PersonId.New(), "Robert Parsons", "robert@example.org", null);
        var json = JsonSerializer.Serialize(robert, options);

        json.Should().NotContain("Robert").And.Contain("sealed");
        JsonSerializer.Deserialize<PersonalDetails>(json, options).Should().Be(robert);

        Keys.Delete(robert.Person);

        JsonSerializer.Deserialize<PersonalDetails>(json, options).Should().Be(PersonalDetails.Erased(robert.Person));
    }
}
