using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.VerifyCertificates;

/// <summary>Verifies up to 100 numbers at once; one result per number, in the order given.</summary>
public sealed record VerifyCertificates(IReadOnlyList<string?>? Numbers) : IQuery<Result<IReadOnlyList<BulkVerificationDto>>>
{
    public const int MaxNumbers = 100;
}

public sealed class VerifyCertificatesValidator : IValidator<VerifyCertificates>
{
    public IReadOnlyList<Error> Validate(VerifyCertificates m) => m.Numbers switch
    {
        null or { Count: 0 } => [Error.Validation("numbers.required", "Send at least one certificate number.", "numbers")],
        { Count: > VerifyCertificates.MaxNumbers } => [Error.Validation("numbers.too-many", $"At most {VerifyCertificates.MaxNumbers} numbers per request.", "numbers")],
        _ => [],
    };
}

public sealed class VerifyCertificatesHandler(VerificationReader reader)
    : IQueryHandler<VerifyCertificates, Result<IReadOnlyList<BulkVerificationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<BulkVerificationDto>>> Handle(VerifyCertificates query, CancellationToken cancellationToken)
    {
        var answers = await reader.VerifyManyAsync(query.Numbers!, cancellationToken);
        return answers.Select((found, i) => found.IsSuccess ? BulkVerificationDto.Of(found.Value) : BulkVerificationDto.NotVerified(query.Numbers![i], found.Error!.Code)).ToList();
    }
}
