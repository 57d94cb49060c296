using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Abstractions;

/// <summary>Checks a message before its handler runs; every problem is reported at once.</summary>
public interface IValidator<in TMessage>
{
    IReadOnlyList<Error> Validate(TMessage message);
}
