using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Exams;

public static class ExamNotFound
{
    public static readonly Error Error = Domain.Common.Error.NotFound("exam.not-found", "There is no exam with that id.");
}
