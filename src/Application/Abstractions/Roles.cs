namespace Peksos.Clean.Application.Abstractions;

/// <summary>The roles of the API.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Assessor = "assessor";
    public const string Consumer = "consumer";

    public static readonly IReadOnlyList<string> All = [Admin, Assessor, Consumer];
}
