namespace Collaboration.EventStore.Tests;

public sealed class ExpectedRevisionTests
{
    [Fact]
    public void the_default_expected_revision_is_any_not_revision_zero() =>
        default(ExpectedRevision).Should().Be(ExpectedRevision.Any);

    [Fact]
    public void expected_revisions_read_well_in_messages()
    {
        ExpectedRevision.NoStream.ToString().Should().Be("no stream");
        ExpectedRevision.StreamExists.ToString().Should().Be("stream exists");
        ExpectedRevision.Any.ToString().Should().Be("any");
        ExpectedRevision.Exactly(4).ToString().Should().Be("revision 4");
    }

    [Fact]
    public void exactly_compares_by_revision() =>
        ExpectedRevision.Exactly(3).Should().Be(ExpectedRevision.Exactly(3)).And.NotBe(ExpectedRevision.Exactly(4));

    [Fact]
    public void a_negative_exact_revision_is_rejected() =>
        FluentActions.Invoking(() => ExpectedRevision.Exactly(-1)).Should().Throw<ArgumentOutOfRangeException>();
}
