namespace Peksos.Clean.Domain.Common;

/// <summary>The one way rules are checked, so that an aggregate or entity states each rule in one line.</summary>
public static class BusinessRules
{
    public static Result Check(IBusinessRule rule) =>
        rule.IsBroken() ? Result.Failure(rule.Error) : Result.Success();

    public static Error? FirstBroken(params IBusinessRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsBroken())
            {
                return rule.Error;
            }
        }

        return null;
    }

    public static Error? AllBroken(params IBusinessRule[] rules)
    {
        var broken = rules.Where(r => r.IsBroken()).Select(r => r.Error).ToList();
        return broken.Count switch
        {
            0 => null,
            1 => broken[0],
            _ => broken[0] with { Details = broken },
        };
    }
}
