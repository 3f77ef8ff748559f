using System.Reflection;

namespace Referrals.WebApp.Units.Tests;

/// <summary>The web app is a client of the API: it reaches no storage and no backend code, directly or through a
/// package it uses.</summary>
public sealed class DependencyBoundaryTests
{
    private static readonly string[] Forbidden =
    [
        "Azure.Data.Tables", "Azure.Storage.", "Microsoft.Azure.DurableTask", "Microsoft.DurableTask",
        "Referrals.App", "Referrals.Domain", "Referrals.Workflow", "Referrals.Messaging", "Referrals.Sms",
        "Referrals.Functions",
    ];

    [Fact]
    public void The_web_app_references_the_contracts_and_no_storage_or_backend_assembly()
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([typeof(Referrals.Web.Program).Assembly.GetName()]);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name.Name!))
            {
                continue;
            }

            Assembly assembly;
            try
            {
                assembly = Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                continue; // a framework facade that is not shipped; its name is recorded, which is what matters
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        Assert.Contains("Referrals.Contracts", reached);
        Assert.Contains("Refit", reached);
        Assert.DoesNotContain(reached, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)));
    }
}
