using System.Globalization;
using System.Threading.Channels;
using Mediator;
using Microsoft.Extensions.Logging;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Behaviours;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates.ImportCandidates;

/// <summary>
/// Imports a roster: rows checked as <c>POST /candidates</c> checks them, valid ones stored in batches, registered or repeated
/// NIKs skipped and counted (a second import adds nobody), every rejected row reported with its line and errors.
/// </summary>
public sealed record ImportCandidates(Stream Csv) : ICommand<Result<ImportReportDto>>, IManagesOwnTransactions
{
    public const int BatchSize = 1_000;
    public const int BatchesPerTransaction = 10;
    public const int MaxRows = 200_000;
}

public sealed partial class ImportCandidatesHandler(
    IRosterReader reader, ICandidateRepository candidates, CommandTransaction transaction, TimeProvider clock, ILogger<ImportCandidatesHandler> logger)
    : ICommandHandler<ImportCandidates, Result<ImportReportDto>>
{
    public async ValueTask<Result<ImportReportDto>> Handle(ImportCandidates command, CancellationToken cancellationToken)
    {
        var opened = await reader.OpenAsync(command.Csv, cancellationToken);
        if (opened.IsFailure)
        {
            return opened.Error!;
        }

        // Checking (CPU) and storing (database) run at once, one batch between them (docs/decisions.md, "Events, audit trail and crash safety").
        var batches = Channel.CreateBounded<List<Candidate>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // Either stage's failure cancels this, which stops the other (a batch being stored then rolls back).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Run(() => WriteBatchesAsync(batches.Reader, stop), CancellationToken.None);

        var rejected = new List<RejectedRowDto>();
        var seen = new HashSet<long>(); // NIKs read so far, as numbers (16 digits): a fraction of the memory of their strings
        var repeated = 0;
        var rows = 0;
        try
        {
            var pending = new List<Candidate>(ImportCandidates.BatchSize);
            await foreach (var row in opened.Value.WithCancellation(stop.Token))
            {
                if (++rows > ImportCandidates.MaxRows)
                {
                    rejected.Add(new RejectedRowDto(row.Line, [new RowErrorDto(null, "import.row-limit", $"A roster holds at most {ImportCandidates.MaxRows:N0} rows; the rest was not read.")]));
                    break;
                }

                var candidate = ToCandidate(row, out var errors);
                if (candidate is null)
                {
                    rejected.Add(new RejectedRowDto(row.Line, errors));
                }
                else if (!seen.Add(long.Parse(candidate.Profile.Nik.Value, CultureInfo.InvariantCulture)))
                {
                    repeated++;
                }
                else
                {
                    pending.Add(candidate);
                }

                if (pending.Count == ImportCandidates.BatchSize)
                {
                    await batches.Writer.WriteAsync(pending, stop.Token);
                    pending = new List<Candidate>(ImportCandidates.BatchSize);
                    LogProgress(logger, rows);
                }
            }

            if (pending.Count > 0)
            {
                await batches.Writer.WriteAsync(pending, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The writer failed and stopped this stage; its own exception is rethrown below.
        }
        catch
        {
            // This stage failed: stop the writer and wait for it (it must not outlive the request's connection).
            await stop.CancelAsync();
            await Task.WhenAny(writing);
            throw;
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        var (imported, alreadyRegistered) = await writing;
        var skipped = repeated + alreadyRegistered;
        await RecordAsync(rows, imported, skipped, rejected.Count, cancellationToken);
        LogDone(logger, rows, imported, skipped, rejected.Count);
        return new ImportReportDto(imported, skipped, rejected);
    }

    /// <summary>The import's own audit entry, in the durable commit that puts the deferred batches on disk before the report goes out.</summary>
    private Task RecordAsync(int rows, int imported, int skipped, int rejected, CancellationToken cancellationToken) =>
        transaction.RunAsync(ct => transaction.AuditAsync("candidates.imported", "roster-import", Guid.CreateVersion7(clock.GetUtcNow()),
            new { rows, imported, skippedDuplicates = skipped, rejected }, ct), cancellationToken);

    /// <summary>
    /// Stores the batches in order, <see cref="ImportCandidates.BatchesPerTransaction"/> to a transaction; a failure rolls back the
    /// open one and stops the reading stage (why ten, and what others wait: docs/decisions.md).
    /// </summary>
    private async Task<(int Imported, int AlreadyRegistered)> WriteBatchesAsync(ChannelReader<List<Candidate>> batches, CancellationTokenSource stop)
    {
        int imported = 0, alreadyRegistered = 0, inTransaction = 0;
        try
        {
            await foreach (var batch in batches.ReadAllAsync(stop.Token))
            {
                if (inTransaction == 0)
                {
                    await transaction.BeginAsync(stop.Token, Durability.Deferred);
                }

                var (added, existing) = await StoreAsync(batch, stop.Token);
                imported += added;
                alreadyRegistered += existing;
                if (++inTransaction == ImportCandidates.BatchesPerTransaction)
                {
                    await transaction.CommitAsync(stop.Token);
                    inTransaction = 0;
                }
            }

            if (inTransaction > 0)
            {
                await transaction.CommitAsync(stop.Token);
            }

            return (imported, alreadyRegistered);
        }
        catch
        {
            if (inTransaction > 0)
            {
                await transaction.RollbackAsync();
            }

            await stop.CancelAsync();
            throw;
        }
    }

    private Candidate? ToCandidate(RosterRow row, out IReadOnlyList<RowErrorDto> errors)
    {
        DateOnly? birthDate = null;
        var dateError = false;
        if (!string.IsNullOrWhiteSpace(row.BirthDate))
        {
            if (DateOnly.TryParseExact(row.BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                birthDate = parsed;
            }
            else
            {
                dateError = true;
            }
        }

        var input = new RegisterCandidate.RegisterCandidate(
            row.Nik?.Trim(), row.FullName, birthDate, row.Sex?.Trim(), row.Email, row.Phone,
            new EducationInput(row.EducationLevel?.Trim(), row.EducationField?.Trim(), null, null),
            new EmploymentInput(row.EmploymentType?.Trim(), row.Organisation, row.RegionCode?.Trim()),
            string.IsNullOrWhiteSpace(row.PracticeAreas) ? [] : row.PracticeAreas.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var found = new List<RowErrorDto>();
        if (dateError)
        {
            found.Add(new RowErrorDto("birthDate", "birth-date.invalid", "birthDate is a date written yyyy-MM-dd."));
        }

        var profile = input.Parse(clock, CandidateFieldNames.Roster);
        if (profile.IsFailure)
        {
            var error = profile.Error!;
            found.AddRange((error.Details.Count > 0 ? error.Details : [error])
                .Where(e => !(dateError && e.Field == "birthDate"))
                .Select(e => new RowErrorDto(e.Field, e.Code, e.Message)));
        }

        if (found.Count > 0)
        {
            errors = found;
            return null;
        }

        var registered = Candidate.Register(profile.Value, clock);
        if (registered.IsFailure)
        {
            var refusal = RegisterCandidate.RegisterCandidate.AtItsField(registered.Error!);
            errors = [new RowErrorDto(refusal.Field, refusal.Code, refusal.Message)];
            return null;
        }

        errors = [];
        return registered.Value;
    }

    /// <summary>
    /// Inserts one batch into the open transaction, skipping NIKs already registered, with its events and audit entries;
    /// returns (added, skipped).
    /// </summary>
    private async Task<(int Added, int Skipped)> StoreAsync(List<Candidate> pending, CancellationToken cancellationToken)
    {
        var skipped = await candidates.AddUnregisteredAsync(pending, cancellationToken);
        await transaction.WriteChangesAsync(cancellationToken);
        return (pending.Count - skipped, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import: {Rows} rows read")]
    private static partial void LogProgress(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import done: {Rows} rows, {Imported} imported, {Skipped} duplicates skipped, {Rejected} rejected")]
    private static partial void LogDone(ILogger logger, int rows, int imported, int skipped, int rejected);
}
