using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Collaboration.EventStore.Tests;

public sealed class EventHashTests
{
    [Theory]
    [InlineData("memorandum-1", "memorandum.signed.v1", 200, 60)]
    [InlineData("合作备忘录-虹口", "备忘录.签署.v1", 200, 60)]
    [InlineData("talent-case-😀", "case.opened.v1", 0, 0)]
    [InlineData("partner-7", "progress.reported.v1", 5_000, 300)]
    [InlineData("合作备忘录-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字-长的名字", "t", 700, 100)]
    public void the_chain_hash_is_sha256_of_the_documented_encoding(string stream, string type, int dataLength, int metadataLength)
    {
        // Built independently of EventHash, field by field, as its documentation describes it. The cases cover
        // inputs built on the stack and in a rented buffer (over 1 KiB), multi-byte and four-byte UTF-8 names whose
        // encoded length differs from their character count, and empty data and metadata.
        var data = RandomNumberGenerator.GetBytes(dataLength);
        var metadata = RandomNumberGenerator.GetBytes(metadataLength);
        var previous = RandomNumberGenerator.GetBytes(EventHash.Size);
        const long position = 1_234_567_890_123;
        const long revision = 42;
        const long timestamp = 1_710_000_000_123_456;

        var expected = new MemoryStream();
        expected.Write(previous);
        WriteInt64(expected, position);
        WritePrefixed(expected, Encoding.UTF8.GetBytes(stream));
        WriteInt64(expected, revision);
        WritePrefixed(expected, Encoding.UTF8.GetBytes(type));
        WritePrefixed(expected, data);
        WritePrefixed(expected, metadata);
        WriteInt64(expected, timestamp);

        EventHash.Compute(previous, position, stream, revision, type, data, metadata, timestamp)
            .Should().Equal(SHA256.HashData(expected.ToArray()));
    }

    [Fact]
    public void a_previous_hash_of_the_wrong_length_is_refused() =>
        FluentActions.Invoking(() => EventHash.Compute(new byte[31], 1, "s", 0, "t", [], [], 0))
            .Should().Throw<ArgumentException>();

    private static void WriteInt64(MemoryStream stream, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WritePrefixed(MemoryStream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        stream.Write(length);
        stream.Write(value);
    }
}
