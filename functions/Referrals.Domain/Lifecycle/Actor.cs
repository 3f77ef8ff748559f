using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>The signed-in person behind a command: the token's <c>sub</c> and <c>role</c>.</summary>
public sealed record Actor(string Subject, Role Role)
{
    /// <summary>The actor name of timeline entries caused by timers and provider feedback.</summary>
    public const string System = "system";

    /// <summary>The actor name of timeline entries caused by the returnee (inbound SMS keywords).</summary>
    public const string Returnee = "returnee";
}
