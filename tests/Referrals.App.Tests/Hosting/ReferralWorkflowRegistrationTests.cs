using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Referrals.App.Referrals;

namespace Referrals.App.Tests.Hosting;

/// <summary>The Functions app registers the workflow through the IServiceCollection copy of the old app's
/// builder method; until the builder method wraps it, the two must register the same services.</summary>
public sealed class ReferralWorkflowRegistrationTests
{
    [Fact]
    public void Both_forms_register_the_same_services()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        var copy = new ServiceCollection();
        foreach (var descriptor in builder.Services)
        {
            ((ICollection<ServiceDescriptor>)copy).Add(descriptor);
        }

        var before = builder.Services.Count;
        builder.AddReferralWorkflow();
        copy.AddReferralWorkflow();

        var fromBuilder = builder.Services.Skip(before).Select(Describe).ToList();
        var fromServices = copy.Skip(before).Select(Describe).ToList();
        Assert.NotEmpty(fromBuilder);
        Assert.Equal(fromBuilder, fromServices);
    }

    private static string Describe(ServiceDescriptor descriptor) =>
        $"{descriptor.ServiceType.FullName} {descriptor.Lifetime} {descriptor.ServiceKey} " +
        (descriptor.IsKeyedService
            ? descriptor.KeyedImplementationType?.FullName ?? descriptor.KeyedImplementationInstance?.GetType().FullName ?? "factory"
            : descriptor.ImplementationType?.FullName ?? descriptor.ImplementationInstance?.GetType().FullName ?? "factory");
}
