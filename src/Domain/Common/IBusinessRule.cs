namespace Peksos.Clean.Domain.Common;

/// <summary>One invariant of the domain, named after what it protects.</summary>
public interface IBusinessRule
{
    Error Error { get; }

    bool IsBroken();
}
