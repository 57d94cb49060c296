namespace Peksos.Clean.Domain.Common;

/// <summary>Implemented by result types so generic code (pipeline behaviours) can build a failure of any of them.</summary>
public interface IResultFactory<out TSelf>
{
    static abstract TSelf FromError(Error error);
}

/// <summary>The outcome of an operation that returns nothing on success.</summary>
public class Result : IResultFactory<Result>
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public bool IsFailure => Error is not null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static Result FromError(Error error) => Failure(error);

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>A successful result's value, when the type is not known statically.</summary>
public interface IValueResult
{
    object? BoxedValue { get; }
}

/// <summary>The outcome of an operation that yields a <typeparamref name="T"/> on success.</summary>
public sealed class Result<T> : Result, IResultFactory<Result<T>>, IValueResult
{
    private readonly T? _value;

    private Result(T? value, Error? error) : base(error) => _value = value;

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({Error!.Code}).");

    object? IValueResult.BoxedValue => Value;

    public static Result<T> Success(T value) => new(value, null);

    public static new Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static new Result<T> FromError(Error error) => Failure(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess ? Result<TOut>.Success(map(Value)) : Result<TOut>.Failure(Error!);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
