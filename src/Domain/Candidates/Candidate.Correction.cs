using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>One corrected field of a candidate, before and after (a NIK only masked).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed partial class Candidate
{
    /// <summary>Whether the NIK was corrected since the candidate was loaded (its protected columns are then rewritten).</summary>
    public bool HasNikChange { get; private set; }

    /// <summary>Whether the full name was corrected since the candidate was loaded (its search words are then rewritten).</summary>
    public bool HasNameChange { get; private set; }

    /// <summary>
    /// Corrects the candidate's data to <paramref name="corrected"/>; the age rule holds for a corrected birth date. A
    /// NIK correction needs <paramref name="reason"/>. Returns the changes (none: nothing is raised).
    /// </summary>
    public Result<IReadOnlyList<FieldChange>> Correct(CandidateProfile corrected, Narrative? reason, TimeProvider clock)
    {
        Guard.Against.Null(corrected);
        var changes = Differences(Profile, corrected);
        if (changes.Count == 0)
        {
            return changes;
        }

        var nikChanged = corrected.Nik != Profile.Nik;
        var refused = FirstBroken(new CandidateMustBeAdultRule(corrected.BirthDate, clock.Today()), new NikCorrectionHasReasonRule(nikChanged, reason is not null));
        if (refused is not null)
        {
            return refused;
        }

        Profile = corrected with { PracticeAreas = corrected.PracticeAreas.Distinct().ToList() };
        HasNikChange |= nikChanged;
        HasNameChange |= changes.Any(c => c.Field == "fullName");
        Raise(new CandidateCorrected(Id, changes, reason?.Value, clock.GetUtcNow()));
        return changes;
    }

    /// <summary>Used by persistence once the NIK columns are written.</summary>
    internal void NikSaved() => HasNikChange = false;

    /// <summary>Used by persistence once the name's search words are written.</summary>
    internal void NameSaved() => HasNameChange = false;

    private static List<FieldChange> Differences(CandidateProfile before, CandidateProfile after)
    {
        var changes = new List<FieldChange>();
        void Compare(string part, string? was, string? now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(part, was, now));
            }
        }

        if (after.Nik != before.Nik)
        {
            // Masked, a NIK whose last four digits stay the same still shows as corrected.
            changes.Add(new FieldChange("nik", before.Nik.Masked, after.Nik.Masked == before.Nik.Masked ? after.Nik.Masked + " (corrected)" : after.Nik.Masked));
        }

        Compare("fullName", before.FullName.Value, after.FullName.Value);
        Compare("birthDate", before.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            after.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Compare("sex", before.Sex.Code, after.Sex.Code);
        Compare("email", before.Email.Value, after.Email.Value);
        Compare("phone", before.Phone.Value, after.Phone.Value);
        Compare("education.level", before.Education.Level.Code, after.Education.Level.Code);
        Compare("education.field", before.Education.Field.Code, after.Education.Field.Code);
        Compare("education.institution", before.Education.Institution, after.Education.Institution);
        Compare("education.graduationYear", before.Education.GraduationYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after.Education.GraduationYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("employment.type", before.Employment.Type.Code, after.Employment.Type.Code);
        Compare("employment.organisation", before.Employment.Organisation, after.Employment.Organisation);
        Compare("employment.regionCode", before.Employment.Region.Value, after.Employment.Region.Value);
        Compare("practiceAreas", string.Join(',', before.PracticeAreas.Select(a => a.Code)), string.Join(',', after.PracticeAreas.Distinct().Select(a => a.Code)));
        return changes;
    }
}

/// <summary>A mistyped NIK is corrected only with a written reason.</summary>
public sealed class NikCorrectionHasReasonRule(bool nikChanged, bool reasonGiven) : IBusinessRule
{
    public const string Code = "candidate.nik-correction-reason-required";

    public Error Error => Error.Validation(Code, "Correcting a NIK needs a reason.");

    public bool IsBroken() => nikChanged && !reasonGiven;
}

public sealed record CandidateCorrected(CandidateId CandidateId, IReadOnlyList<FieldChange> Changes, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;
