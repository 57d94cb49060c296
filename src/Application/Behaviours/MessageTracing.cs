using System.Diagnostics;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>The activity source of the use cases: one span per mediator message (no span when nobody listens).</summary>
public static class MessageTracing
{
    public const string SourceName = "Peksos.Clean.Application";

    public static readonly ActivitySource Source = new(SourceName);
}
