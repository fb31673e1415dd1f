using Mediator;

namespace Collaboration.Api.Application;

/// <summary>Every request knows who sent it; behaviours authorise and log from it.</summary>
public interface ICallerRequest
{
    Caller Caller { get; }
}

/// <summary>A state change: one command of one module, answered with a <see cref="CommandOutcome"/>.</summary>
public interface IWrite : ICommand<CommandOutcome>, ICallerRequest
{
    WriteOptions Options { get; }
}

/// <summary>A read, answered with a <see cref="QueryOutcome{T}"/>.</summary>
public interface IRead<T> : IQuery<QueryOutcome<T>>, ICallerRequest;
