namespace Peksos.Clean.Application.Abstractions;

/// <summary>Lets work the system does on its own (webhook delivery, reminders) act under a name in the audit trail (role <c>system</c>).</summary>
public interface ISystemActor
{
    const string Role = "system";

    void ActAsSystem(string name);
}
