using Mediator;

namespace Collaboration.Api.Application;

/// <summary>Runs the request's validators and answers with field-level errors before any state is loaded.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICallerRequest, IMessage
    where TResponse : IOutcome<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            validator.Validate(message, errors);
        }

        return errors.IsEmpty ? next(message, cancellationToken) : ValueTask.FromResult(TResponse.Invalid(errors.ToDictionary()));
    }
}
