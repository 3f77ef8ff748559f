using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Hosting.Demo;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;
using Referrals.Domain.Model;

namespace Referrals.App.Tests.Hosting;

public sealed class DemoReferralsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void Every_demo_referral_passes_intake_and_they_reach_several_MSCs()
    {
        var data = ReferenceDataLoader.Load(new ReferenceDataOptions());
        var intake = new IntakeValidator(data.Municipalities, data.Mscs, Options.Create(new IntakeOptions()));
        var demos = DemoReferrals.All(Today, "2026-1", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

        var results = demos.Select(d => intake.Validate(d.Request, new Referrer(DemoSeeder.ScoutSubject, DemoSeeder.Organisation), Today)).ToList();

        Assert.All(results, r => Assert.True(r.IsValid, string.Join("; ", r.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
        Assert.True(results.Select(r => r.Msc!.Id).Distinct().Count() >= 5);
        Assert.Equal(demos.Count, demos.Select(d => d.Key).Distinct().Count());
        Assert.All(demos, d => Assert.Null(ReferralIdsProblem(d.Key)));
    }

    private static string? ReferralIdsProblem(string key) => global::Referrals.App.Api.Idempotency.ReferralIds.ValidateKey(key);
}
