using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Behaviours;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Tests.Behaviours;

public sealed class PipelineBehaviourTests
{
    private sealed record Probe(bool Succeed, bool Throw = false) : ICommand<Result<int>>;

    /// <summary>Records what the behaviour asked of the unit of work (the real one is tested against real databases).</summary>
    private sealed class RecordingUnitOfWork : IUnitOfWork
    {
        public List<string> Calls { get; } = [];

        public Task BeginAsync(CancellationToken cancellationToken) { Calls.Add("begin"); return Task.CompletedTask; }

        public Task CommitAsync(CancellationToken cancellationToken) { Calls.Add("commit"); return Task.CompletedTask; }

        public Task RollbackAsync(CancellationToken cancellationToken) { Calls.Add("rollback"); return Task.CompletedTask; }
    }

    private static ValueTask<Result<int>> Handler(Probe probe, CancellationToken _) =>
        probe.Throw
            ? throw new InvalidOperationException("boom")
            : ValueTask.FromResult(probe.Succeed ? Result<int>.Success(42) : Result<int>.Failure(Error.Rule("probe.refused", "no")));

    [Fact]
    public async Task UnitOfWork_WhenHandlerSucceeds_Commits()
    {
        var uow = new RecordingUnitOfWork();
        var result = await new UnitOfWorkBehaviour<Probe, Result<int>>(uow).Handle(new Probe(true), Handler, default);

        result.Value.Should().Be(42);
        uow.Calls.Should().Equal("begin", "commit");
    }

    [Fact]
    public async Task UnitOfWork_WhenHandlerFails_RollsBack()
    {
        var uow = new RecordingUnitOfWork();
        var result = await new UnitOfWorkBehaviour<Probe, Result<int>>(uow).Handle(new Probe(false), Handler, default);

        result.Error!.Code.Should().Be("probe.refused");
        uow.Calls.Should().Equal("begin", "rollback");
    }

    [Fact]
    public async Task UnitOfWork_WhenHandlerThrows_RollsBackAndRethrows()
    {
        var uow = new RecordingUnitOfWork();
        var act = async () => await new UnitOfWorkBehaviour<Probe, Result<int>>(uow).Handle(new Probe(true, Throw: true), Handler, default);

        await act.Should().ThrowAsync<InvalidOperationException>();
        uow.Calls.Should().Equal("begin", "rollback");
    }

    [Fact]
    public async Task Validation_WhenInvalid_ShortCircuitsWithEveryError()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<RegisterCandidate, Result<CandidateDto>>([new RegisterCandidateValidator(new FakeTimeProvider())]);
        var message = new RegisterCandidate("123", "", null, "X", "nope", "1", null, null, null);

        var result = await behaviour.Handle(message, (_, _) => { called = true; return default; }, default);

        called.Should().BeFalse();
        result.Error!.Code.Should().Be("nik.invalid");
        result.Error.Details.Select(d => d.Field).Should().BeEquivalentTo(
            ["nik", "fullName", "birthDate", "sex", "email", "phone", "education", "employment", "practiceAreas"]);
    }

    [Fact]
    public async Task Logging_PassesTheResponseThrough()
    {
        var behaviour = new LoggingBehaviour<Probe, Result<int>>(NullLogger<LoggingBehaviour<Probe, Result<int>>>.Instance);

        (await behaviour.Handle(new Probe(true), Handler, default)).Value.Should().Be(42);
    }
}
