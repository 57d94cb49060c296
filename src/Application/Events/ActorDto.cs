namespace Peksos.Clean.Application.Events;

/// <summary>Who made a change: the API key's id (<c>bootstrap</c> for the configured key), its name and its role.</summary>
public sealed record ActorDto(string KeyId, string Name, string Role);
