using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Common;

/// <summary>
/// Gathers every field error of a request at once, each under the field it is about (a newcomer fixing a form wants
/// all of them, not the first). Requests are parsed here, in Application; the domain never names a request field.
/// </summary>
public sealed class ErrorCollector
{
    private readonly List<Error> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<Error> Errors => _errors;

    /// <summary>Unwraps <paramref name="result"/>; on failure records its error under <paramref name="field"/>.</summary>
    public T? Take<T>(Result<T> result, string field)
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }

        Add(result.Error!, field);
        return default;
    }

    public void Add(Error error, string? field = null)
    {
        if (error.Details.Count > 0)
        {
            foreach (var detail in error.Details)
            {
                _errors.Add(string.IsNullOrEmpty(field) ? detail : detail.AtField(field));
            }

            return;
        }

        _errors.Add(string.IsNullOrEmpty(field) ? error : error.AtField(field));
    }

    /// <summary>Records a required-field error when <paramref name="value"/> is null or blank; returns whether it was present.</summary>
    public bool Require(object? value, string field)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
        {
            _errors.Add(Error.Validation("field.required", $"'{field}' is required.", field));
            return false;
        }

        return true;
    }

    public Error ToError() => Error.ValidationFailed(_errors);
}
