using Mediator;

// Handlers that break (or keep) the use-case shape, for the canaries of UseCaseShapeTests.
namespace Peksos.Clean.Architecture.Tests.Canaries
{
    public sealed record First : IQuery<int>;

    public sealed record Second : IQuery<int>;

    public sealed class TwoMessagesHandler : IQueryHandler<First, int>, IQueryHandler<Second, int>
    {
        public ValueTask<int> Handle(First query, CancellationToken cancellationToken) => ValueTask.FromResult(1);

        public ValueTask<int> Handle(Second query, CancellationToken cancellationToken) => ValueTask.FromResult(2);
    }
}

namespace Peksos.Clean.Architecture.Tests.Canaries.Probe
{
    public sealed record Probe : IQuery<int>;

    public sealed class ProbeHandler : IQueryHandler<Probe, int>
    {
        public ValueTask<int> Handle(Probe query, CancellationToken cancellationToken) => ValueTask.FromResult(1);
    }
}

namespace Peksos.Clean.Architecture.Tests.Canaries.Misplaced
{
    public sealed class ProbeHandler : IQueryHandler<Probe.Probe, int>
    {
        public ValueTask<int> Handle(Probe.Probe query, CancellationToken cancellationToken) => ValueTask.FromResult(1);
    }
}
