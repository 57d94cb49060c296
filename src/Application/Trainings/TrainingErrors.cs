using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Trainings;

public static class TrainingErrors
{
    public static readonly Error NotFound = Error.NotFound("training.not-found", "There is no training with that id.");
}
