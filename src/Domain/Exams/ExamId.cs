namespace Peksos.Clean.Domain.Exams;

public readonly record struct ExamId(Guid Value)
{
    public static ExamId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
