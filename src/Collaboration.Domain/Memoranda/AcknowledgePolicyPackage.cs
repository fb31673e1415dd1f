using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record AcknowledgePolicyPackage(MemorandumId Memorandum, PackageId Package, Actor By, DateTimeOffset At)
    : IMemorandumCommand;
