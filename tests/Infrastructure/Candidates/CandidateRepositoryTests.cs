using Microsoft.Extensions.Time.Testing;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Persistence.Candidates;

namespace Peksos.Clean.Infrastructure.Tests.Candidates;

/// <summary>The same repository suite on each engine (PostgreSQL is skipped without a test server).</summary>
public abstract class CandidateRepositoryTests(DatabaseProvider provider)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    private static CandidateProfile Profile(string nik = "1871014506900003", string name = "Siti Rahmawati, S.Sos.") => new(
        Nik.Parse(nik).Value,
        PersonName.Parse(name).Value,
        new DateOnly(1990, 6, 5),
        Sex.Female,
        Email.Parse("siti@example.org").Value,
        PhoneNumber.Parse("081234567890").Value,
        new Education(EducationLevel.S1, EducationField.KesejahteraanSosial, "Universitas Lampung", 2012),
        new Employment(EmploymentType.PendampingPkh, "Dinas Sosial Kota Bandar Lampung", RegionCode.Parse("18.71").Value),
        [PmksCategory.Kemiskinan, PmksCategory.Keterlantaran]);

    /// <summary>Adds the candidate in a transaction of its own and commits it.</summary>
    private static async Task AddCommittedAsync(RepositoryFixture fixture, Candidate candidate)
    {
        await using var session = fixture.NewSession();
        await session.BeginAsync(default);
        (await new CandidateRepository(session, fixture.NikProtector, new ChangeTracker()).AddAsync(candidate, default)).IsSuccess.Should().BeTrue();
        await session.CommitAsync(default);
    }

    [SkippableFact]
    public async Task SearchWords_AreWrittenWithTheName_AndBackfilledForNamesStoredBefore()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(name: "Jos\u00e9 Ramos-Horta"), _clock).Value;
        await AddCommittedAsync(fixture, candidate);
        (await WordsAsync(fixture)).Should().Equal("horta", "jose", "ramos");

        await using (var session = fixture.NewSession())
        {
            var connection = await session.ConnectionAsync(default);
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM candidate_words"); // as a database migrated before 0013
        }

        SearchWords.Backfill(fixture.Database.Options);
        (await WordsAsync(fixture)).Should().Equal("horta", "jose", "ramos");
    }

    private static async Task<List<string>> WordsAsync(RepositoryFixture fixture)
    {
        await using var session = fixture.NewSession();
        var connection = await session.ConnectionAsync(default);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT word FROM candidate_words ORDER BY word")).ToList();
    }

    [SkippableFact]
    public async Task AddThenGet_RoundTripsEveryFieldAndRecord()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(), _clock).Value;
        candidate.RecordPractice(new PracticeRecordDetails("LKS Harapan", "Pendamping", DatePeriod.Create(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Value, 1_344, PmksCategory.Kemiskinan), _clock);
        candidate.RecordTraining(new TrainingRecordDetails("Bimtek Sertifikasi", "Dinas Sosial Provinsi Lampung", DatePeriod.Create(new DateOnly(2017, 6, 12), new DateOnly(2017, 6, 13)).Value, 16, TrainingKind.Bimtek), _clock);

        await using (var session = fixture.NewSession())
        {
            await session.BeginAsync(default);
            var added = await new CandidateRepository(session, fixture.NikProtector, new ChangeTracker()).AddAsync(candidate, default);
            added.IsSuccess.Should().BeTrue();
            await session.CommitAsync(default);
        }

        await using var reader = fixture.NewSession();
        var loaded = await new CandidateRepository(reader, fixture.NikProtector, new ChangeTracker()).GetAsync(candidate.Id, default);

        loaded.Should().NotBeNull();
        loaded!.Profile.Should().BeEquivalentTo(candidate.Profile);
        loaded.Profile.Nik.Value.Should().Be("1871014506900003");
        loaded.CreatedAt.Should().Be(candidate.CreatedAt);
        loaded.Version.Should().Be(1);
        loaded.PracticeHours.Should().Be(1_344);
        loaded.TrainingHours.Should().Be(16);
        loaded.PracticeRecords.Should().BeEquivalentTo(candidate.PracticeRecords);
        loaded.TrainingRecords.Should().BeEquivalentTo(candidate.TrainingRecords);
        loaded.DomainEvents.Should().BeEmpty("loading never replays creation events");
    }

    [SkippableFact]
    public async Task Add_WhenNikAlreadyRegistered_FailsWithDuplicateNik()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        await using var session = fixture.NewSession();
        var repository = new CandidateRepository(session, fixture.NikProtector, new ChangeTracker());
        await session.BeginAsync(default);
        (await repository.AddAsync(Candidate.Register(Profile(), _clock).Value, default)).IsSuccess.Should().BeTrue();

        var second = await repository.AddAsync(Candidate.Register(Profile(name: "Someone Else"), _clock).Value, default);

        second.Error!.Code.Should().Be("candidate.duplicate-nik");
    }

    [SkippableFact]
    public async Task AddUnregistered_SkipsNiksAlreadyRegistered_AndStoresAndRecordsOnlyTheNewOnes()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var registered = Candidate.Register(Profile(), _clock).Value;
        await AddCommittedAsync(fixture, registered);
        var again = Candidate.Register(Profile(name: "Someone Else"), _clock).Value; // the registered NIK
        var first = Candidate.Register(Profile("1871014506900011", "Rina Wati"), _clock).Value;
        var second = Candidate.Register(Profile("1871014506900029", "Dewi Lestari"), _clock).Value;

        var tracker = new ChangeTracker();
        await using (var session = fixture.NewSession())
        {
            await session.BeginAsync(default);
            var skipped = await new CandidateRepository(session, fixture.NikProtector, tracker).AddUnregisteredAsync([first, again, second], default);
            await session.CommitAsync(default);
            skipped.Should().Be(1);
        }

        tracker.Drain().Select(e => ((CandidateRegistered)e).CandidateId).Should().Equal(first.Id, second.Id);
        await using var reader = fixture.NewSession();
        var repository = new CandidateRepository(reader, fixture.NikProtector, new ChangeTracker());
        (await repository.GetAsync(again.Id, default)).Should().BeNull();
        (await repository.FindByNikAsync(Nik.Parse("1871014506900003").Value, default))!.Id.Should().Be(registered.Id);
        (await repository.GetAsync(first.Id, default))!.Profile.FullName.Value.Should().Be("Rina Wati");
        (await repository.GetAsync(second.Id, default))!.Version.Should().Be(1);
    }

    [SkippableFact]
    public async Task Rollback_LeavesNoRow()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(), _clock).Value;
        await using (var session = fixture.NewSession())
        {
            await session.BeginAsync(default);
            await new CandidateRepository(session, fixture.NikProtector, new ChangeTracker()).AddAsync(candidate, default);
            await session.RollbackAsync(default);
        }

        await using var reader = fixture.NewSession();
        (await new CandidateRepository(reader, fixture.NikProtector, new ChangeTracker()).GetAsync(candidate.Id, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task FindByNik_FindsByBlindIndexAndNeverStoresTheNikInClear()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(), _clock).Value;
        await AddCommittedAsync(fixture, candidate);

        await using var reader = fixture.NewSession();
        var found = await new CandidateRepository(reader, fixture.NikProtector, new ChangeTracker()).FindByNikAsync(Nik.Parse("1871014506900003").Value, default);
        found!.Id.Should().Be(candidate.Id);

        var connection = await reader.ConnectionAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT nik_index || '|' || nik_protected || '|' || nik_last4 FROM candidates";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.Should().NotContain("1871014506900003").And.EndWith("|0003");
    }

    [SkippableFact]
    public async Task NikLastFour_ByCandidateId_OutsideATransaction_AndInsideOne()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(), _clock).Value;
        await AddCommittedAsync(fixture, candidate);

        // Outside a transaction SQLite reads through its prepared statements (the key bound in its stored text form);
        // inside one, through the session's connection. Both read the row with the same typed reader.
        await using var reader = fixture.NewSession();
        (await new CandidateQueries(reader).NikLastFourAsync(candidate.Id.Value, default)).Should().Be("0003");
        (await new CandidateQueries(reader).NikLastFourAsync(Guid.NewGuid(), default)).Should().BeNull();
        await reader.BeginAsync(default);
        (await new CandidateQueries(reader).NikLastFourAsync(candidate.Id.Value, default)).Should().Be("0003");
        await reader.RollbackAsync(default);
    }

    [SkippableFact]
    public async Task Update_WhenSomeoneElseSavedFirst_FailsWithConcurrencyConflict()
    {
        await using var fixture = RepositoryFixture.Create(provider);
        var candidate = Candidate.Register(Profile(), _clock).Value;
        await AddCommittedAsync(fixture, candidate);

        await using var first = fixture.NewSession();
        await using var second = fixture.NewSession();
        var mine = await new CandidateRepository(first, fixture.NikProtector, new ChangeTracker()).GetAsync(candidate.Id, default);
        var theirs = await new CandidateRepository(second, fixture.NikProtector, new ChangeTracker()).GetAsync(candidate.Id, default);
        var practice = new PracticeRecordDetails("LKS", "Pendamping", DatePeriod.Create(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)).Value, 100, PmksCategory.Kecacatan);
        mine!.RecordPractice(practice, _clock);
        theirs!.RecordPractice(practice, _clock);

        await first.BeginAsync(default);
        (await new CandidateRepository(first, fixture.NikProtector, new ChangeTracker()).UpdateAsync(mine, default)).IsSuccess.Should().BeTrue();
        await first.CommitAsync(default);

        await second.BeginAsync(default);
        var lost = await new CandidateRepository(second, fixture.NikProtector, new ChangeTracker()).UpdateAsync(theirs, default);
        lost.Error!.Code.Should().Be("concurrency.conflict");
    }
}

public sealed class SqliteCandidateRepositoryTests() : CandidateRepositoryTests(DatabaseProvider.Sqlite);

public sealed class PostgresCandidateRepositoryTests() : CandidateRepositoryTests(DatabaseProvider.Postgres);
