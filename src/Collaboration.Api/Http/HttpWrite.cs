using System.Diagnostics.CodeAnalysis;
using Collaboration.Api.Application;
using Collaboration.EventStore;

namespace Collaboration.Api.Http;

/// <summary>Reads the headers that shape a write (<c>If-Match</c>, <c>Idempotency-Key</c>, <c>X-Correlation-Id</c>).</summary>
public static class HttpWrite
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string CorrelationIdHeader = "X-Correlation-Id";
    private const int MaxKeyLength = 128;

    /// <summary>Reads the write's headers; false with the invalid ones by name when a header does not parse.</summary>
    public static bool TryRead(HttpContext context, out WriteOptions options, [NotNullWhen(false)] out IReadOnlyDictionary<string, string[]>? errors)
    {
        options = WriteOptions.None;
        errors = null;
        if (!ETags.TryParseIfMatch(context.Request, out var ifMatch))
        {
            errors = new Dictionary<string, string[]> { ["If-Match"] = ["Must be a quoted stream revision, e.g. \"3\". 必须是带引号的流版本号。"] };
            return false;
        }

        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxKeyLength)
        {
            errors = new Dictionary<string, string[]> { [IdempotencyKeyHeader] = [$"At most {MaxKeyLength} characters. 最多 {MaxKeyLength} 个字符。"] };
            return false;
        }

        Guid? correlation = Guid.TryParse(context.Request.Headers[CorrelationIdHeader].ToString(), out var c) ? c : null;
        options = new WriteOptions(ifMatch, key.Length == 0 ? null : key, correlation);
        return true;
    }

    /// <summary>The new aggregate's id: derived from the idempotency key when there is one, so a retry creates nothing new.</summary>
    public static Guid NewAggregateId(Caller caller, WriteOptions options) =>
        options.IdempotencyKey is { } key ? DeterministicIds.AggregateId(DeterministicIds.CommandId(caller, key)) : EventIds.NewVersion7();
}
