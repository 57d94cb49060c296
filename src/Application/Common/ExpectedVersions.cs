namespace Peksos.Clean.Application.Common;

/// <summary>
/// The versions an <c>If-Match</c> accepts (RFC 9110): the resource matches when its version is one of them. No
/// precondition at all (no header, or <c>*</c> for an existing resource) is a null <see cref="ExpectedVersions"/>.
/// </summary>
public sealed record ExpectedVersions(IReadOnlySet<int> Versions)
{
    public static ExpectedVersions Of(params int[] versions) => new(versions.ToHashSet());

    public bool Accepts(int version) => Versions.Contains(version);

    public override string ToString() => Versions.Count == 0 ? "no version of this resource" : string.Join(", ", Versions.Order().Select(v => $"\"{v}\""));
}
