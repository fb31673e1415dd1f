using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>The office puts a signed memorandum on the open-government portal (政务公开).</summary>
public sealed record PublishMemorandum(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumCommand;
