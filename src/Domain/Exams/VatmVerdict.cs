namespace Peksos.Clean.Domain.Exams;

/// <summary>The four checks on one evidence item: valid, authentic, current, sufficient (VATM).</summary>
public sealed record VatmVerdict(bool Valid, bool Authentic, bool Current, bool Sufficient)
{
    public bool Passes => Valid && Authentic && Current && Sufficient;
}
