using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Infrastructure.Persistence.Candidates;

/// <summary>Stores candidates with Dapper; children are append-only rows saved in the same transaction.</summary>
public sealed class CandidateRepository(DbSession session, INikProtector nikProtector, ChangeTracker tracker) : ICandidateRepository
{
    private const string SelectCandidate = """
        SELECT id, nik_protected, full_name, birth_date, sex, email, phone, education_level, education_field,
               education_institution, graduation_year, employment_type, organisation, region_code, practice_areas,
               created_at, version
        FROM candidates
        """;

    public async Task<Candidate?> GetAsync(CandidateId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CandidateRow>(
            session.Command($"{SelectCandidate} WHERE id = @Id", new { Id = id.Value }, cancellationToken));
        return row is null ? null : await LoadAsync(connection, row, cancellationToken);
    }

    public async Task<Candidate?> FindByNikAsync(Nik nik, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CandidateRow>(
            session.Command($"{SelectCandidate} WHERE nik_index = @Index", new { Index = nikProtector.BlindIndex(nik) }, cancellationToken));
        return row is null ? null : await LoadAsync(connection, row, cancellationToken);
    }

    public async Task<Result> AddAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var nik = candidate.Profile.Nik;
        var index = nikProtector.BlindIndex(nik);

        // Checked first so the common case gives a clear answer; the unique index is the guarantee under races.
        if (await IsNikTakenAsync(connection, index, candidate.Id, cancellationToken))
        {
            return CandidateErrors.DuplicateNik;
        }

        try
        {
            await connection.ExecuteAsync(session.Command(InsertCandidate, InsertParameters(candidate, index), cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return CandidateErrors.DuplicateNik;
        }

        await InsertChildrenAsync(connection, candidate, cancellationToken);
        await SearchWords.Candidates.WriteAsync(session, candidate.Id.Value, candidate.Profile.FullName.Value, replace: false, cancellationToken);
        candidate.SetVersion(1);
        tracker.Track(candidate);
        return Result.Success();
    }

    /// <summary>Inserts the batch, skipping registered NIKs: per row on SQLite, by one lookup before <c>COPY</c> on PostgreSQL (docs/decisions.md).</summary>
    public async Task<int> AddUnregisteredAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = candidates.Select(ToRow).ToList();
        IReadOnlyList<bool> inserted;
        if (session.Provider == DatabaseProvider.Sqlite)
        {
            inserted = await BulkInsert.InsertUnlessConflictAsync(session, "candidates", CandidateColumns, rows, "nik_index", cancellationToken);
        }
        else
        {
            var indexes = rows.Select(r => (string)r[NikIndexColumn]!).ToList();
            var (condition, value) = session.InList("nik_index", "Indexes", indexes);
            var registered = (await connection.QueryAsync<string>(
                session.Command($"SELECT nik_index FROM candidates WHERE {condition}", new { Indexes = value }, cancellationToken))).ToHashSet(StringComparer.Ordinal);
            inserted = indexes.Select(i => !registered.Contains(i)).ToList();
            if (!await TryCopyAsync(rows.Where((_, i) => inserted[i]).ToList(), cancellationToken))
            {
                inserted = await InsertEachUnlessRegisteredAsync(connection, rows, inserted, cancellationToken);
            }
        }

        await BulkInsert.ExecuteAsync(session, SearchWords.Candidates.Table, ["word", SearchWords.Candidates.IdColumn],
            candidates.Where((_, i) => inserted[i]).SelectMany(c => SearchWords.Rows(c.Id.Value, c.Profile.FullName.Value)).ToList(), cancellationToken);
        var skipped = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!inserted[i])
            {
                skipped++;
                continue;
            }

            await InsertChildrenAsync(connection, candidates[i], cancellationToken); // none for a roster's new candidate
            candidates[i].SetVersion(1);
            tracker.Track(candidates[i]);
        }

        return skipped;
    }

    /// <summary>
    /// PostgreSQL: <c>COPY</c> under a savepoint; false (and nothing stored) when a NIK was registered by a concurrent
    /// command since the lookup.
    /// </summary>
    private async Task<bool> TryCopyAsync(IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var transaction = session.Transaction;
        if (transaction is null)
        {
            await BulkInsert.ExecuteAsync(session, "candidates", CandidateColumns, rows, cancellationToken);
            return true;
        }

        await transaction.SaveAsync(CopySavepoint, cancellationToken);
        try
        {
            await BulkInsert.ExecuteAsync(session, "candidates", CandidateColumns, rows, cancellationToken);
            await transaction.ReleaseAsync(CopySavepoint, cancellationToken);
            return true;
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            await transaction.RollbackAsync(CopySavepoint, cancellationToken);
            return false;
        }
    }

    /// <summary>The slow path after a lost race: row by row, each skipping a NIK registered meanwhile (it waits for that commit).</summary>
    private async Task<IReadOnlyList<bool>> InsertEachUnlessRegisteredAsync(DbConnection connection, List<object?[]> rows, IReadOnlyList<bool> unregistered,
        CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO candidates ({string.Join(", ", CandidateColumns)}) VALUES ({string.Join(", ", CandidateColumns.Select((_, i) => $"@p{i}"))}) "
            + "ON CONFLICT (nik_index) DO NOTHING";
        var inserted = new List<bool>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!unregistered[r])
            {
                inserted.Add(false);
                continue;
            }

            var parameters = new DynamicParameters();
            for (var c = 0; c < CandidateColumns.Length; c++)
            {
                parameters.Add($"p{c}", rows[r][c]);
            }

            inserted.Add(await connection.ExecuteAsync(session.Command(sql, parameters, cancellationToken)) == 1);
        }

        return inserted;
    }

    private const string CopySavepoint = "roster_copy";

    /// <summary>A new candidate's row in <see cref="CandidateColumns"/> order, with the NIK's blind index and ciphertext.</summary>
    private object?[] ToRow(Candidate candidate)
    {
        var p = candidate.Profile;
        return
        [
            candidate.Id.Value, nikProtector.BlindIndex(p.Nik), nikProtector.Encrypt(p.Nik), p.Nik.Value[12..], p.FullName.Value, p.BirthDate, p.Sex.Code,
            p.Email.Value, p.Phone.Value, p.Education.Level.Code, p.Education.Field.Code, p.Education.Institution, p.Education.GraduationYear,
            p.Employment.Type.Code, p.Employment.Organisation, p.Employment.Region.Value, string.Join(',', p.PracticeAreas.Select(a => a.Code)),
            candidate.PracticeHours, candidate.TrainingHours, candidate.CreatedAt, 1,
        ];
    }

    private const int NikIndexColumn = 1;

    private static readonly string[] CandidateColumns =
    [
        "id", "nik_index", "nik_protected", "nik_last4", "full_name", "birth_date", "sex", "email", "phone", "education_level", "education_field",
        "education_institution", "graduation_year", "employment_type", "organisation", "region_code", "practice_areas", "practice_hours", "training_hours",
        "created_at", "version",
    ];

    private const string InsertCandidate = """
        INSERT INTO candidates (id, nik_index, nik_protected, nik_last4, full_name, birth_date, sex, email, phone,
            education_level, education_field, education_institution, graduation_year, employment_type, organisation,
            region_code, practice_areas, practice_hours, training_hours, created_at, version)
        VALUES (@Id, @NikIndex, @NikProtected, @NikLast4, @FullName, @BirthDate, @Sex, @Email, @Phone,
            @EducationLevel, @EducationField, @EducationInstitution, @GraduationYear, @EmploymentType, @Organisation,
            @RegionCode, @PracticeAreas, @PracticeHours, @TrainingHours, @CreatedAt, 1)
        """;

    /// <summary>
    /// The candidate row's columns as one anonymous object (so Dapper's type handlers apply; a DynamicParameters built
    /// from a template bypassed them). The NIK columns are filled only for an insert — a NIK never changes.
    /// </summary>
    private static object RowParameters(Candidate candidate, string? nikIndex = null, string? nikProtected = null)
    {
        var p = candidate.Profile;
        return new
        {
            Id = candidate.Id.Value,
            NikIndex = nikIndex,
            NikProtected = nikProtected,
            NikLast4 = p.Nik.Value[12..],
            FullName = p.FullName.Value,
            p.BirthDate,
            Sex = p.Sex.Code,
            Email = p.Email.Value,
            Phone = p.Phone.Value,
            EducationLevel = p.Education.Level.Code,
            EducationField = p.Education.Field.Code,
            EducationInstitution = p.Education.Institution,
            p.Education.GraduationYear,
            EmploymentType = p.Employment.Type.Code,
            p.Employment.Organisation,
            RegionCode = p.Employment.Region.Value,
            PracticeAreas = string.Join(',', p.PracticeAreas.Select(a => a.Code)),
            candidate.PracticeHours,
            candidate.TrainingHours,
            candidate.CreatedAt,
            candidate.Version,
        };
    }

    private object InsertParameters(Candidate candidate, string nikIndex) =>
        RowParameters(candidate, nikIndex, nikProtector.Encrypt(candidate.Profile.Nik));

    public async Task<Result> UpdateAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.HasNikChange && await WriteNikAsync(candidate, cancellationToken) is { IsFailure: true } duplicate)
        {
            return duplicate;
        }

        if (candidate.HasNameChange)
        {
            await SearchWords.Candidates.WriteAsync(session, candidate.Id.Value, candidate.Profile.FullName.Value, replace: true, cancellationToken);
            candidate.NameSaved();
        }

        return await VersionedUpdate.ApplyAsync(session, tracker, candidate, "candidate",
            """
            UPDATE candidates SET full_name = @FullName, birth_date = @BirthDate, sex = @Sex, email = @Email, phone = @Phone,
                education_level = @EducationLevel, education_field = @EducationField, education_institution = @EducationInstitution,
                graduation_year = @GraduationYear, employment_type = @EmploymentType, organisation = @Organisation,
                region_code = @RegionCode, practice_areas = @PracticeAreas, practice_hours = @PracticeHours,
                training_hours = @TrainingHours, version = version + 1
            WHERE id = @Id AND version = @Version
            """,
            RowParameters(candidate),
            connection => InsertChildrenAsync(connection, candidate, cancellationToken),
            cancellationToken);
    }

    /// <summary>A corrected NIK: its blind index, protected form and last digits, still unique (checked, and guaranteed by the index).</summary>
    private async Task<Result> WriteNikAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var nik = candidate.Profile.Nik;
        var index = nikProtector.BlindIndex(nik);
        if (await IsNikTakenAsync(connection, index, candidate.Id, cancellationToken))
        {
            return CandidateErrors.DuplicateNik;
        }

        try
        {
            await connection.ExecuteAsync(session.Command(
                "UPDATE candidates SET nik_index = @Index, nik_protected = @Protected, nik_last4 = @Last4 WHERE id = @Id",
                new { Index = index, Protected = nikProtector.Encrypt(nik), Last4 = nik.Value[12..], Id = candidate.Id.Value }, cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return CandidateErrors.DuplicateNik;
        }

        candidate.NikSaved();
        return Result.Success();
    }

    /// <summary>Whether another candidate than <paramref name="candidate"/> has the NIK of this blind index.</summary>
    private async Task<bool> IsNikTakenAsync(DbConnection connection, string index, CandidateId candidate, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM candidates WHERE nik_index = @Index AND id <> @Id", new { Index = index, Id = candidate.Value }, cancellationToken)) > 0;

    /// <summary>Practice and training records never change once written, so new ones are inserted and old ones skipped.</summary>
    private async Task InsertChildrenAsync(DbConnection connection, Candidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.PracticeRecords.Count == 0 && candidate.TrainingRecords.Count == 0)
        {
            return; // a new candidate, as in a roster import
        }

        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO practice_records (id, candidate_id, organisation, role, start_date, end_date, hours, pmks_category)
            VALUES (@Id, @CandidateId, @Organisation, @Role, @StartDate, @EndDate, @Hours, @PmksCategory)
            ON CONFLICT (id) DO NOTHING
            """,
            candidate.PracticeRecords.Select(r => new
            {
                r.Id,
                CandidateId = candidate.Id.Value,
                r.Organisation,
                r.Role,
                StartDate = r.Period.Start,
                EndDate = r.Period.End,
                r.Hours,
                PmksCategory = r.PmksCategory.Code,
            }), cancellationToken));

        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO training_records (id, candidate_id, title, organiser, start_date, end_date, hours, kind, training_event_id)
            VALUES (@Id, @CandidateId, @Title, @Organiser, @StartDate, @EndDate, @Hours, @Kind, @TrainingEventId)
            ON CONFLICT (id) DO NOTHING
            """,
            candidate.TrainingRecords.Select(r => new
            {
                r.Id,
                CandidateId = candidate.Id.Value,
                r.Title,
                r.Organiser,
                StartDate = r.Period.Start,
                EndDate = r.Period.End,
                r.Hours,
                Kind = r.Kind.Code,
                r.TrainingEventId,
            }), cancellationToken));
    }

    private async Task<Candidate> LoadAsync(DbConnection connection, CandidateRow row, CancellationToken cancellationToken)
    {
        var practice = await connection.QueryAsync<PracticeRow>(session.Command(
            "SELECT id, organisation, role, start_date, end_date, hours, pmks_category FROM practice_records WHERE candidate_id = @Id ORDER BY start_date, id",
            new { row.Id }, cancellationToken));
        var training = await connection.QueryAsync<TrainingRow>(session.Command(
            "SELECT id, title, organiser, start_date, end_date, hours, kind, training_event_id FROM training_records WHERE candidate_id = @Id ORDER BY start_date, id",
            new { row.Id }, cancellationToken));

        var profile = new CandidateProfile(
            nikProtector.Decrypt(row.NikProtected),
            Stored.Value(PersonName.Parse(row.FullName)),
            row.BirthDate,
            Stored.Value(Sex.FromCode(row.Sex)),
            Stored.Value(Email.Parse(row.Email)),
            Stored.Value(PhoneNumber.Parse(row.Phone)),
            new Education(Stored.Value(EducationLevel.FromCode(row.EducationLevel)), Stored.Value(EducationField.FromCode(row.EducationField)), row.EducationInstitution, row.GraduationYear),
            new Employment(Stored.Value(EmploymentType.FromCode(row.EmploymentType)), row.Organisation, Stored.Value(RegionCode.Parse(row.RegionCode))),
            row.PracticeAreas.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => Stored.Value(PmksCategory.FromCode(c))).ToList());

        return Candidate.Rehydrate(
            new CandidateId(row.Id),
            profile,
            row.CreatedAt,
            row.Version,
            practice.Select(r => new PracticeRecord(r.Id, r.Organisation, r.Role, new DatePeriod(r.StartDate, r.EndDate), r.Hours, Stored.Value(PmksCategory.FromCode(r.PmksCategory)))),
            training.Select(r => new TrainingRecord(r.Id, r.Title, r.Organiser, new DatePeriod(r.StartDate, r.EndDate), r.Hours, Stored.Value(TrainingKind.FromCode(r.Kind)), r.TrainingEventId)));
    }

    private sealed class CandidateRow
    {
        public Guid Id { get; set; }
        public string NikProtected { get; set; } = "";
        public string FullName { get; set; } = "";
        public DateOnly BirthDate { get; set; }
        public string Sex { get; set; } = "";
        public string Email { get; set; } = "";
        public string Phone { get; set; } = "";
        public string EducationLevel { get; set; } = "";
        public string EducationField { get; set; } = "";
        public string? EducationInstitution { get; set; }
        public int? GraduationYear { get; set; }
        public string EmploymentType { get; set; } = "";
        public string Organisation { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string PracticeAreas { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public int Version { get; set; }
    }

    private sealed class PracticeRow
    {
        public Guid Id { get; set; }
        public string Organisation { get; set; } = "";
        public string Role { get; set; } = "";
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public int Hours { get; set; }
        public string PmksCategory { get; set; } = "";
    }

    private sealed class TrainingRow
    {
        public Guid Id { get; set; }
        public string Title { get; set; } = "";
        public string Organiser { get; set; } = "";
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public int Hours { get; set; }
        public string Kind { get; set; } = "";
        public Guid? TrainingEventId { get; set; }
    }
}
