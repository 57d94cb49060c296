namespace Peksos.Clean.Application.Abstractions;

/// <summary>A command that opens and commits its own transactions (in batches); the unit-of-work behaviour leaves it alone.</summary>
public interface IManagesOwnTransactions;
