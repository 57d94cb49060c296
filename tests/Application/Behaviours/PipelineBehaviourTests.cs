using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Behaviours;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Tests.Behaviours;

public sealed class PipelineBehaviourTests
{
    private sealed record Probe(bool Succeed, bool Throw = false) : ICommand<Result<int>>;

    /// <summary>Records what the behaviour asked of the unit of work (the real one is tested against real databases).</summary>
    /// <summary>A validator that reports what the request's parser finds (every field at once).</summary>
    private sealed class ParsesTheProfile : IValidator<RegisterCandidate>
    {
        public IReadOnlyList<Error> Validate(RegisterCandidate message) =>
            message.Parse(new FakeTimeProvider()) is { IsFailure: true } failed ? failed.Error!.Details : [];
    }

    private sealed class RecordingUnitOfWork : IUnitOfWork
    {
        public List<string> Calls { get; } = [];

        public Task BeginAsync(CancellationToken cancellationToken, Durability durability) { Calls.Add("begin"); return Task.CompletedTask; }

        public Task CommitAsync(CancellationToken cancellationToken) { Calls.Add("commit"); return Task.CompletedTask; }

        public Task RollbackAsync(CancellationToken cancellationToken) { Calls.Add("rollback"); return Task.CompletedTask; }

        public void AfterCommit(Func<Task> action) => Calls.Add("after-commit registered");

        public void AfterRollback(Func<Task> action) => Calls.Add("after-rollback registered");
    }

    /// <summary>Records what the unit of work wrote to the journal, and in which order relative to commit.</summary>
    private sealed class RecordingJournal(RecordingUnitOfWork uow) : IEventJournal
    {
        public List<IntegrationEvent> Events { get; } = [];

        public List<AuditEntry> Audit { get; } = [];

        public Task WriteAsync(IReadOnlyList<IntegrationEvent> events, IReadOnlyList<AuditEntry> audit, ActorDto actor, CancellationToken cancellationToken)
        {
            uow.Calls.Add($"journal by {actor.Name}/{actor.Role}");
            Events.AddRange(events);
            Audit.AddRange(audit);
            return Task.CompletedTask;
        }
    }

    private sealed class FixedActor : ICurrentActor
    {
        public string KeyId => "key-1";

        public string Name => "secretariat";

        public string Role => Roles.Admin;

        public Domain.Assessors.AssessorId? AssessorId => null;
    }

    private sealed class RecordingIdempotencyStore(RecordingUnitOfWork uow) : IIdempotencyStore
    {
        public Task<StoredIdempotency?> FindAsync(string scopeKey, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<StoredIdempotency?>(null);

        public Task<bool> ClaimAsync(string scopeKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
        {
            uow.Calls.Add($"claim {scopeKey}");
            return Task.FromResult(true);
        }

        public Task SaveAsync(string scopeKey, IdempotentResponse response, CancellationToken cancellationToken)
        {
            uow.Calls.Add($"idempotency {scopeKey} {response.Body}");
            return Task.CompletedTask;
        }

        public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private readonly RecordingUnitOfWork _uow = new();
    private readonly IdempotencyScope _idempotency = new();
    private readonly ChangeTracker _tracker = new();

    private UnitOfWorkBehaviour<Probe, Result<int>> Behaviour(out RecordingJournal journal)
    {
        journal = new RecordingJournal(_uow);
        return new UnitOfWorkBehaviour<Probe, Result<int>>(
            new CommandTransaction(_uow, _tracker, journal, new FixedActor(), _idempotency, new RecordingIdempotencyStore(_uow), TimeProvider.System));
    }

    private static ValueTask<Result<int>> Handler(Probe probe, CancellationToken _) =>
        probe.Throw
            ? throw new InvalidOperationException("boom")
            : ValueTask.FromResult(probe.Succeed ? Result<int>.Success(42) : Result<int>.Failure(Error.Rule("probe.refused", "no")));

    [Fact]
    public async Task UnitOfWork_WhenHandlerSucceeds_WritesEventsAndAuditThenCommits()
    {
        var behaviour = Behaviour(out var journal);
        var candidate = new Domain.Candidates.CandidateId(Guid.NewGuid());

        var result = await behaviour.Handle(new Probe(true), (probe, ct) =>
        {
            _tracker.Note(new Domain.Candidates.CandidateRegistered(candidate, DateTimeOffset.UnixEpoch));
            _tracker.Note(new Domain.Candidates.PracticeRecorded(candidate, Guid.NewGuid(), 10, DateTimeOffset.UnixEpoch));
            return Handler(probe, ct);
        }, default);

        result.Value.Should().Be(42);
        _uow.Calls.Should().Equal("begin", "journal by secretariat/admin", "commit");
        journal.Events.Select(e => e.Type).Should().Equal("candidate.registered");
        journal.Audit.Select(a => a.Action).Should().Equal("candidate.registered", "candidate.practice-recorded");
        journal.Audit.Should().OnlyContain(a => a.EntityType == "candidate" && a.EntityId == candidate.Value);
    }

    [Fact]
    public async Task UnitOfWork_WithAnIdempotencyKey_StoresTheResponseInTheSameTransaction()
    {
        var behaviour = Behaviour(out _);
        _idempotency.Begin("scope", "hash", value => new IdempotentResponse(201, "/x", value.ToString()!));

        await behaviour.Handle(new Probe(true), Handler, default);

        _uow.Calls.Should().Equal("begin", "claim scope", "idempotency scope 42", "journal by secretariat/admin", "commit");
    }

    [Fact]
    public async Task UnitOfWork_WhenHandlerFails_RollsBackAndWritesNoEvent()
    {
        var behaviour = Behaviour(out var journal);

        var result = await behaviour.Handle(new Probe(false), (probe, ct) =>
        {
            _tracker.Note(new Domain.Candidates.CandidateRegistered(new Domain.Candidates.CandidateId(Guid.NewGuid()), DateTimeOffset.UnixEpoch));
            return Handler(probe, ct);
        }, default);

        result.Error!.Code.Should().Be("probe.refused");
        _uow.Calls.Should().Equal("begin", "rollback");
        journal.Events.Should().BeEmpty();
        _tracker.Drain().Should().BeEmpty("a failed command's events are discarded");
    }

    [Fact]
    public async Task UnitOfWork_WhenHandlerThrows_RollsBackAndRethrows()
    {
        var behaviour = Behaviour(out _);
        var act = async () => await behaviour.Handle(new Probe(true, Throw: true), Handler, default);

        await act.Should().ThrowAsync<InvalidOperationException>();
        _uow.Calls.Should().Equal("begin", "rollback");
    }

    [Fact]
    public void EventCatalog_DescribesEveryDomainEventType()
    {
        var eventTypes = typeof(Domain.Common.IDomainEvent).Assembly.GetTypes()
            .Concat(typeof(ChangeTracker).Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Domain.Common.IDomainEvent).IsAssignableFrom(t))
            .ToList();

        eventTypes.Should().HaveCountGreaterThan(25);
        foreach (var type in eventTypes)
        {
            var act = () => EventCatalog.Describe((Domain.Common.IDomainEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type));
            act.Should().NotThrow<InvalidOperationException>($"{type.Name} must be described");
        }
    }

    [Fact]
    public void PublishedTypes_ListEveryTypeTheCatalogPublishes()
    {
        var published = new HashSet<string>();
        foreach (var type in typeof(Domain.Common.IDomainEvent).Assembly.GetTypes().Concat(typeof(ChangeTracker).Assembly.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Domain.Common.IDomainEvent).IsAssignableFrom(t)))
        {
            try
            {
                if (EventCatalog.Describe((Domain.Common.IDomainEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type)) is { Published: true } entry)
                {
                    published.Add(entry.Action);
                }
            }
            catch (Exception ex) when (ex is NullReferenceException or ArgumentNullException)
            {
                // An uninitialised event whose description reads a nested value; its type is listed below.
            }
        }

        published.Should().HaveCountGreaterThan(10).And.BeSubsetOf(EventCatalog.PublishedTypes);
        EventCatalog.PublishedTypes.Should().OnlyHaveUniqueItems().And.Contain(["certificate.expiring", "webhook.disabled", "certificate.issued"]);
    }

    [Fact]
    public async Task Validation_WhenInvalid_ShortCircuitsWithEveryError()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<RegisterCandidate, Result<CandidateDto>>([new ParsesTheProfile()]);
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
