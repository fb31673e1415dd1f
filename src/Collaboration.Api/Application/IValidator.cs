namespace Collaboration.Api.Application;

/// <summary>Input validation for one request type, run by the validation behaviour before the handler.</summary>
public interface IValidator<in TRequest>
{
    /// <summary>Adds field-level errors (field path → messages) to <paramref name="errors"/>.</summary>
    void Validate(TRequest request, ValidationErrors errors);
}

/// <summary>Field-level errors collected for a ValidationProblem response.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "Required. 必填。") : this;

    public ValidationErrors MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? Add(field, $"At most {max} characters. 最多 {max} 个字符。") : this;

    public ValidationErrors Range(string field, decimal value, decimal min, decimal max) =>
        value < min || value > max ? Add(field, $"Must be between {min} and {max}. 必须在 {min} 与 {max} 之间。") : this;

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
