namespace Peksos.Clean.Application.Common;

/// <summary>A response that carries the aggregate's version, so the Api can send it as an <c>ETag</c>.</summary>
public interface IVersioned
{
    int Version { get; }
}
