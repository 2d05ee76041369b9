namespace Cadre.Core.Common;

/// <summary>Base for the failures a handler reports to its caller (UI, API, CLI).</summary>
public abstract class CadreException(string message) : Exception(message);

/// <summary>Input broke a rule; nothing was stored. Errors are keyed by field name.</summary>
public sealed class ValidationFailedException : CadreException
{
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }
}

public sealed class NotFoundException(string message) : CadreException(message);

/// <summary>Someone else changed the item since it was read (stale concurrency token).</summary>
public sealed class ConcurrencyConflictException(string message) : CadreException(message);

/// <summary>The current user may not do this.</summary>
public sealed class ForbiddenException(string message) : CadreException(message);

/// <summary>Collects field errors and throws them together.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validation Require(string field, string? value, int maxLength = 400)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Messages.Get("Error.Required"));
        else if (value.Length > maxLength) Add(field, Messages.Format("Error.TooLong", maxLength));
        return this;
    }

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, Messages.Format("Error.TooLong", maxLength));
        return this;
    }

    public void ThrowIfAny()
    {
        if (HasErrors) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
