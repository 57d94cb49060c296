namespace Peksos.Clean.Application.Events;

public sealed record ActorDto(string Name, string Role);
