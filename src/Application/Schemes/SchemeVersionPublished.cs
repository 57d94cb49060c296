using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Schemes;

/// <summary>A scheme version was published: portfolios opened from <see cref="EffectiveFrom"/> on are pinned to it.</summary>
public sealed record SchemeVersionPublished(Guid VersionId, string Code, int Version, DateTimeOffset EffectiveFrom, DateTimeOffset OccurredAt) : IDomainEvent;
